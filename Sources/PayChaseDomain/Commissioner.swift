/// The commissioner of the GP contract: an ICB acting for NHS England under delegation.
public struct Commissioner: Sendable, Hashable {
    /// Name, email and the address where contract notices are served.
    public var contact: Contact
    /// The body it acts for ("NHS England").
    public var onBehalfOf: String?

    public init(contact: Contact, onBehalfOf: String?) {
        self.contact = contact
        self.onBehalfOf = onBehalfOf
    }
}
