import Foundation
import Hummingbird
import HummingbirdAuth

/// A logged-in user.
public struct WebUser: Sendable {
    public var name: String
    public var role: WebRole
}
