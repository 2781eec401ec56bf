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

extension CurlHandle {
    /// TLS (required and verified unless `access` says otherwise), the pinned login and the
    /// timeouts, as every mail protocol needs them. `totalSeconds` bounds one transfer.
    /// The secret is asked for here, so a token about to run out is renewed first; returns it,
    /// so the session knows what it signs in with.
    @discardableResult
    public func configure(_ access: MailServerAccess, totalSeconds: Int) throws(MailServerError) -> String? {
        do {
            try setTLS(required: !access.insecureAllowPlaintext, verify: !access.insecureSkipVerify, caFile: access.settings.caFile)
            try setTimeouts(connectSeconds: access.connectTimeoutSeconds, totalSeconds: totalSeconds)
        } catch {
            throw MailServerError(.configuration, error.message)
        }
        guard access.settings.username != nil else { return nil }
        let secret = try access.credential.secret()
        try setSecret(secret, for: access)
        return secret
    }

    /// Signs in with `secret` from the next connection on.
    public func setSecret(_ secret: String?, for access: MailServerAccess) throws(MailServerError) {
        guard let username = access.settings.username else { return }
        do { try setLogin(username: username, secret: secret, auth: access.settings.auth) } catch {
            throw MailServerError(.configuration, error.message)
        }
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
        /// The mailbox connection (OAuth 2.0) has ended or was never made: a person must sign in
        /// again. Nothing is sent or read until then; the queue is kept.
        case signInNeeded
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
