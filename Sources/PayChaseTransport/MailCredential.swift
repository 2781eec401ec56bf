/// Where a mail session gets the secret it signs in with: a password it was given, or an OAuth
/// 2.0 access token that can be renewed. The SMTP and IMAP sessions know nothing more of it than
/// this: they ask for the secret before they connect, and once more, for a renewed one, when the
/// server refuses it.
public protocol MailCredential: Sendable {
    /// How libcurl presents the secret: as a password (PLAIN, LOGIN) or as a bearer token (XOAUTH2).
    var isBearerToken: Bool { get }
    /// The secret to sign in with now (renewed first when it is about to run out).
    func secret() throws(MailServerError) -> String?
    /// A new secret after the server refused `refused`, or nil when there is none to try (a
    /// password is what it is). Asked at most once per refusal.
    func renewed(after refused: String?) throws(MailServerError) -> String?
}
