/// Why signing in to the mailbox did not work, in words a practice manager can act on. Never
/// holds a token or a secret.
public struct OAuthFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A person must sign in again (refresh token refused, or never connected).
        case signInNeeded
        /// The person declined, or the code ran out before they signed in.
        case notApproved
        /// The profile's `oauth:` settings, or the registration at the provider, are wrong.
        case configuration
        /// The provider could not be reached.
        case unavailable
    }

    public var kind: Kind
    /// The provider's error code (`invalid_grant`), when it gave one.
    public var code: String?
    public var message: String

    public init(_ kind: Kind, code: String? = nil, _ message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// The provider's answer explained: what it means and what to do. `during` says what was
    /// being done ("renewing the mailbox sign-in").
    static func fromProvider(code: String, description: String?, during: String) -> OAuthFailure {
        let said = description.map { " (the provider said: \(OAuthText.oneLine($0)))" } ?? ""
        switch code {
        case "invalid_grant":
            return OAuthFailure(
                .signInNeeded,
                code: code,
                "The identity provider refused the stored sign-in while \(during): invalid_grant\(said). The sign-in was revoked or has expired, or the account's password was changed; someone must sign in to the mailbox again. Nothing was sent or read, and the queue is kept."
            )
        case "expired_token":
            return OAuthFailure(
                .notApproved,
                code: code,
                "The sign-in code expired before anyone signed in (expired_token)\(said). Start again and sign in within the time shown."
            )
        case "access_denied":
            return OAuthFailure(
                .notApproved,
                code: code,
                "The sign-in was declined at the identity provider (access_denied)\(said). Nothing was stored. If that was not meant, start again and accept the permissions; if the provider says the organisation must approve the application, ask the NHSmail Local Administrator for admin consent."
            )
        case "authorization_pending":
            return OAuthFailure(.notApproved, code: code, "Nobody has signed in with the code yet (authorization_pending)\(said).")
        case "slow_down":
            return OAuthFailure(
                .unavailable,
                code: code,
                "The identity provider asked PayChase to ask less often (slow_down)\(said); it waits longer between checks."
            )
        case "invalid_client", "unauthorized_client":
            return OAuthFailure(
                .configuration,
                code: code,
                "The identity provider does not accept oauth.client_id for this (\(code))\(said). Check the application (client) id with the NHSmail Local Administrator, and that the registration allows public client flows (device code) or, for client_credentials, that the secret is current."
            )
        case "invalid_scope":
            return OAuthFailure(
                .configuration,
                code: code,
                "The identity provider will not grant the scopes asked for (invalid_scope)\(said). The application registration needs the delegated permissions SMTP.Send, IMAP.AccessAsUser.All and offline_access with admin consent."
            )
        default:
            return OAuthFailure(.configuration, code: code, "The identity provider refused while \(during): \(OAuthText.oneLine(code))\(said).")
        }
    }
}

enum OAuthText {
    /// One line of at most 300 characters: what a provider says goes into messages, never whole pages.
    static func oneLine(_ text: String) -> String {
        let flat = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : String($0) }.joined()
        return flat.count > 300 ? String(flat.prefix(300)) + "…" : flat
    }
}
