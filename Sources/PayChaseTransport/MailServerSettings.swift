/// How to reach and log in to one of the practice's mail servers (`smtp:` or `imap:` in the
/// profile). Names where the password is, never the password itself.
public struct MailServerSettings: Sendable, Hashable {
    public enum Auth: String, Sendable, CaseIterable, Hashable {
        case plain = "PLAIN"
        case login = "LOGIN"
        case xoauth2 = "XOAUTH2"
    }

    public enum PasswordSource: Sendable, Hashable {
        /// An environment variable's name.
        case environment(String)
        /// A file only its owner can read.
        case file(String)
        /// An OAuth 2.0 access token from the mailbox connection (`auth: oauth`, the `oauth:`
        /// section), presented with XOAUTH2.
        case oauth
    }

    /// `smtp://host:port` (STARTTLS) or `smtps://host:port` (TLS from the start); `imap://` or `imaps://`.
    public var url: String
    public var username: String?
    public var password: PasswordSource?
    /// Pinned: the server is never allowed to negotiate another mechanism.
    public var auth: Auth
    /// A CA bundle to verify the server's certificate with, instead of the system's.
    public var caFile: String?

    public init(url: String, username: String?, password: PasswordSource?, auth: Auth, caFile: String?) {
        self.url = url
        self.username = username
        self.password = password
        self.auth = auth
        self.caFile = caFile
    }

    /// `host:port` for messages and the delivery log.
    /// Signs in with a token from the mailbox connection (`auth: oauth`).
    public var usesOAuth: Bool { password == .oauth }

    public var server: String {
        let rest = url.split(separator: "://", maxSplits: 1).last.map(String.init) ?? url
        return rest.split(separator: "/").first.map(String.init) ?? rest
    }
}
