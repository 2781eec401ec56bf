import Foundation
import PayChaseTransport

/// What a mailbox connection keeps: the tokens, whom they are for, and when they were last used.
/// Lives only in the token file (`TokenStore`); never printed, logged or recorded.
public struct StoredTokens: Codable, Sendable, Hashable {
    public enum Grant: String, Codable, Sendable {
        case deviceCode = "device_code"
        case clientCredentials = "client_credentials"
    }

    public var grant: Grant
    /// The application the tokens were issued to, and where they are renewed.
    public var clientID: String
    public var tokenURL: String
    /// Who signed in, as the provider names them (from the tokens), when it says.
    public var account: String?
    public var accessToken: String
    public var expiresAt: Date
    /// How long an access token lasted when issued, in seconds.
    public var lifetime: Int
    public var refreshToken: String?
    /// The scopes the provider granted (it may grant fewer than were asked for).
    public var scopes: [String]
    public var connectedAt: Date
    /// When the refresh token was last used to renew the access token.
    public var refreshedAt: Date?

    enum CodingKeys: String, CodingKey {
        case grant, account, scopes, lifetime
        case clientID = "client_id"
        case tokenURL = "token_url"
        case accessToken = "access_token"
        case expiresAt = "expires_at"
        case refreshToken = "refresh_token"
        case connectedAt = "connected_at"
        case refreshedAt = "refreshed_at"
    }

    /// Renewed this long before it runs out: a minute, or a quarter of a short token's life.
    public var renewalMargin: TimeInterval { min(60, Double(lifetime) / 4) }

    /// Good for at least the renewal margin from `now`.
    public func isFresh(at now: Date) -> Bool { expiresAt.timeIntervalSince(now) > renewalMargin }
}
