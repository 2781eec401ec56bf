import Foundation
import PayChaseDomain

/// Why a message could not be composed. Nothing is written or sent for it.
public struct MailError: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
