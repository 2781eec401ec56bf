/// What one run needs to use a mail server: the profile's settings with where the secret comes
/// from, and the loudly named options that weaken TLS. Holds secrets in memory only.
public struct MailServerAccess: Sendable {
    public var settings: MailServerSettings
    /// The password, or the OAuth access token for XOAUTH2. Never logged or printed.
    public var credential: any MailCredential
    /// Turns certificate verification off. Only by an option whose name says it is insecure.
    public var insecureSkipVerify = false
    /// Allows a server that does not offer TLS. Only by an option whose name says it is insecure.
    public var insecureAllowPlaintext = false
    public var connectTimeoutSeconds = 20

    public init(settings: MailServerSettings, credential: any MailCredential) {
        self.settings = settings
        self.credential = credential
    }

    /// A password (or a token supplied as one) that is never renewed.
    public init(settings: MailServerSettings, password: String?) {
        self.init(settings: settings, credential: FixedSecret(password, isBearerToken: settings.auth == .xoauth2))
    }

    /// Whether a secret is set up at all (for messages that say so, never with the secret).
    public var hasSecret: Bool { settings.password != nil }

    /// `host:port` for messages and the delivery log.
    public var server: String { settings.server }
}
