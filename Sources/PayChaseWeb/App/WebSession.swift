import Foundation
import Hummingbird
import HummingbirdAuth

/// What the web service keeps about a browser between requests: the token every form carries
/// against cross-site requests, who logged in, and what the last action did.
public struct WebSession: Codable, Sendable {
    public var csrf: String
    public var user: String?
    /// A digest of the password hash the user signed in with: a new password ends the session.
    public var password: String?
    /// Said once on the next page: "Payment of £100.00 recorded".
    public var flash: String?

    public init(user: String? = nil, password: String? = nil) {
        csrf = Self.newToken()
        self.user = user
        self.password = password
        flash = nil
    }

    /// 32 random bytes as hex.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
