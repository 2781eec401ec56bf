import PayChaseCurl

/// The settings for one reading run: the profile's `imap:` with the password fetched. Holds the
/// password in memory only.
public struct IMAPConfiguration: Sendable {
    public var settings: MailServerSettings
    /// The password, or the OAuth bearer token for XOAUTH2. Never logged or printed.
    public var password: String?
    /// Turns certificate verification off. Only by an option whose name says it is insecure.
    public var insecureSkipVerify = false
    /// Allows a server that does not offer TLS. Only by an option whose name says it is insecure.
    public var insecureAllowPlaintext = false
    public var connectTimeoutSeconds = 20
    public var commandTimeoutSeconds = 300

    public init(settings: MailServerSettings, password: String?) {
        self.settings = settings
        self.password = password
    }

    /// `host:port` for messages.
    public var server: String { settings.server }
}
