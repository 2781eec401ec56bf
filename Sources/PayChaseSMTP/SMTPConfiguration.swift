/// How to reach and log in to the practice's mail server. Holds the password in memory only.
public struct SMTPConfiguration: Sendable {
    public enum Auth: String, Sendable {
        case plain = "PLAIN"
        case login = "LOGIN"
        case xoauth2 = "XOAUTH2"
    }

    /// `smtp://host:port` (always upgraded with STARTTLS) or `smtps://host:port` (TLS from the start).
    public var url: String
    /// The name given in EHLO: the practice's mail domain.
    public var heloDomain: String
    public var username: String?
    /// The password, or the OAuth bearer token for XOAUTH2. Never logged or printed.
    public var password: String?
    /// Pinned: the server is never allowed to negotiate another mechanism.
    public var auth: Auth
    /// A CA bundle to verify the server's certificate with, instead of the system's.
    public var caFile: String?
    /// Turns certificate verification off. Only by an option whose name says it is insecure.
    public var insecureSkipVerify = false
    /// Allows a server that does not offer TLS. Only by an option whose name says it is insecure.
    public var insecureAllowPlaintext = false
    public var connectTimeoutSeconds = 20
    public var messageTimeoutSeconds = 300

    public init(url: String, heloDomain: String, username: String?, password: String?, auth: Auth, caFile: String?) {
        self.url = url
        self.heloDomain = heloDomain
        self.username = username
        self.password = password
        self.auth = auth
        self.caFile = caFile
    }

    /// `host:port` for messages and the delivery log.
    public var server: String {
        let rest = url.split(separator: "://", maxSplits: 1).last.map(String.init) ?? url
        return rest.split(separator: "/").first.map(String.init) ?? rest
    }
}

extension SMTPConfiguration: CustomStringConvertible {
    /// Safe to print: the password is never part of it.
    public var description: String {
        "\(url) as \(username ?? "(no login)") with AUTH=\(auth.rawValue)\(password == nil ? "" : " (password set)")"
    }
}
