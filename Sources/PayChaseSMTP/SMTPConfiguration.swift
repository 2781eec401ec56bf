import PayChaseCurl
import PayChaseTransport

/// The settings for one sending run: the profile's `smtp:`, its password and TLS options, and
/// the name to give in EHLO.
public struct SMTPConfiguration: Sendable {
    public var access: MailServerAccess
    /// The name given in EHLO: the practice's mail domain.
    public var heloDomain: String
    public var messageTimeoutSeconds = 300

    public init(access: MailServerAccess, heloDomain: String) {
        self.access = access
        self.heloDomain = heloDomain
    }

    public var settings: MailServerSettings { access.settings }
    public var url: String { settings.url }
    public var username: String? { settings.username }
    public var auth: MailServerSettings.Auth { settings.auth }
    /// `host:port` for messages and the delivery log.
    public var server: String { access.server }
}

extension SMTPConfiguration: CustomStringConvertible {
    /// Safe to print: the password is never part of it.
    public var description: String {
        "\(url) as \(username ?? "(no login)") with AUTH=\(auth.rawValue)\(access.settings.usesOAuth ? " (OAuth 2.0 token)" : access.hasSecret ? " (password set)" : "")"
    }
}
