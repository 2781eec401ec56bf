/// What one run needs to use a mail server: the profile's settings with the password fetched,
/// and the loudly named options that weaken TLS. Holds the password in memory only.
public struct MailServerAccess: Sendable {
    public var settings: MailServerSettings
    /// The password, or the OAuth bearer token for XOAUTH2. Never logged or printed.
    public var password: String?
    /// Turns certificate verification off. Only by an option whose name says it is insecure.
    public var insecureSkipVerify = false
    /// Allows a server that does not offer TLS. Only by an option whose name says it is insecure.
    public var insecureAllowPlaintext = false
    public var connectTimeoutSeconds = 20

    public init(settings: MailServerSettings, password: String?) {
        self.settings = settings
        self.password = password
    }

    /// `host:port` for messages and the delivery log.
    public var server: String { settings.server }
}

extension CurlHandle {
    /// TLS (required and verified unless `access` says otherwise), the pinned login and the
    /// timeouts, as every mail protocol needs them. `totalSeconds` bounds one transfer.
    public func configure(_ access: MailServerAccess, totalSeconds: Int) throws(CurlError) {
        try setTLS(required: !access.insecureAllowPlaintext, verify: !access.insecureSkipVerify, caFile: access.settings.caFile)
        if let username = access.settings.username {
            try setLogin(username: username, secret: access.password, auth: access.settings.auth)
        }
        try setTimeouts(connectSeconds: access.connectTimeoutSeconds, totalSeconds: totalSeconds)
    }
}

/// A failure that stops a run with a mail server: it cannot be used as configured, could not be
/// reached (or not securely), or refused a command.
public struct MailServerError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Wrong settings or credentials, or a server that would not log us in.
        case configuration
        /// The server could not be reached, or not securely.
        case unavailable
        /// The server answered a command with a refusal (IMAP NO or BAD).
        case refused
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
