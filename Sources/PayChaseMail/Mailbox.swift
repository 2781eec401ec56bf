import Foundation
import PayChaseDomain

/// A name and an address, as in `"Riverside Medical Centre" <manager@riverside.example>`.
public struct Mailbox: Sendable, Hashable {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }
}
