import PayChaseCurl

/// The settings for one sending run: the profile's `smtp:` with the password fetched. Holds the
/// password in memory only.
public struct SMTPConfiguration: Sendable {
    public var settings: MailServerSettings
    /// The name given in EHLO: the practice's mail domain.
    public var heloDomain: String
    /// The password, or the OAuth bearer token for XOAUTH2. Never logged or printed.
    public var password: String?
    /// Turns certificate verification off. Only by an option whose name says it is insecure.
    public var insecureSkipVerify = false
    /// Allows a server that does not offer TLS. Only by an option whose name says it is insecure.
    public var insecureAllowPlaintext = false
    public var connectTimeoutSeconds = 20
    public var messageTimeoutSeconds = 300

    public init(settings: MailServerSettings, heloDomain: String, password: String?) {
        self.settings = settings
        self.heloDomain = heloDomain
        self.password = password
    }

    public var url: String { settings.url }
    public var username: String? { settings.username }
    public var auth: MailServerSettings.Auth { settings.auth }
    /// `host:port` for messages and the delivery log.
    public var server: String { settings.server }
}

extension SMTPConfiguration: CustomStringConvertible {
    /// Safe to print: the password is never part of it.
    public var description: String {
        "\(url) as \(username ?? "(no login)") with AUTH=\(auth.rawValue)\(password == nil ? "" : " (password set)")"
    }
}
