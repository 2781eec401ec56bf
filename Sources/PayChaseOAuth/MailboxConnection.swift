import Foundation
import PayChaseTransport

/// What a status page or command shows of a connection: no token, ever.
public struct MailboxConnection: Sendable, Hashable {
    public var account: String?
    public var scopes: [String]
    public var grant: StoredTokens.Grant
    public var connectedAt: Date
    public var refreshedAt: Date?
    public var accessTokenExpiresAt: Date
    public var canRenew: Bool

    public init(_ tokens: StoredTokens) {
        account = tokens.account
        scopes = tokens.scopes
        grant = tokens.grant
        connectedAt = tokens.connectedAt
        refreshedAt = tokens.refreshedAt
        accessTokenExpiresAt = tokens.expiresAt
        canRenew = tokens.refreshToken != nil || tokens.grant == .clientCredentials
    }
}
