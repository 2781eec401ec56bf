import Foundation
import PayChaseCurl
import PayChaseTransport

/// A mailbox credential from the OAuth 2.0 connection: the stored access token, renewed under the
/// store's lock when it is about to run out and once more when the mail server refuses it. A
/// refused renewal stops the run with `signInNeeded`: a person must connect again.
public struct OAuthCredential: MailCredential {
    public let client: OAuthClient
    public let store: TokenStore

    public init(client: OAuthClient, store: TokenStore) {
        self.client = client
        self.store = store
    }

    public var isBearerToken: Bool { true }

    public func secret() throws(MailServerError) -> String? {
        try translating { () throws(OAuthFailure) in
            try store.locked { () throws(OAuthFailure) -> String in
                let stored = try store.read()
                if let fresh = usable(stored), fresh.isFresh(at: client.now()) { return fresh.accessToken }
                return try renewAndKeep(stored).accessToken
            }
        }
    }

    public func renewed(after refused: String?) throws(MailServerError) -> String? {
        try translating { () throws(OAuthFailure) in
            try store.locked { () throws(OAuthFailure) -> String in
                let stored = try usable(store.read())
                // Another process renewed it meanwhile: use what it wrote.
                if let stored, stored.accessToken != refused, stored.isFresh(at: client.now()) { return stored.accessToken }
                return try renewAndKeep(stored).accessToken
            }
        }
    }

    /// The tokens, when they were issued for the application now configured.
    private func usable(_ stored: StoredTokens?) -> StoredTokens? {
        guard let stored, stored.clientID == client.settings.clientID else { return nil }
        return stored
    }

    /// Renews `stored` (or, for the client credentials grant, gets a first token) and keeps the result.
    private func renewAndKeep(_ stored: StoredTokens?) throws(OAuthFailure) -> StoredTokens {
        let renewed: StoredTokens
        if let stored = usable(stored) {
            renewed = try client.renew(stored)
        } else if case .clientCredentials = client.settings.grant {
            renewed = try client.clientCredentials()
        } else {
            throw OAuthFailure(
                .signInNeeded,
                "The mailbox is not connected: nobody has signed in to it with OAuth 2.0 yet (or the sign-in was for another oauth.client_id). Nothing was sent or read, and the queue is kept."
            )
        }
        try store.write(renewed)
        return renewed
    }

    private func translating<T>(_ body: () throws(OAuthFailure) -> T) throws(MailServerError) -> T {
        do { return try body() } catch {
            switch error.kind {
            case .signInNeeded, .notApproved: throw MailServerError(.signInNeeded, error.message)
            case .configuration: throw MailServerError(.configuration, error.message)
            case .unavailable: throw MailServerError(.unavailable, error.message)
            }
        }
    }
}
