/// A party to an agreement as the law knows it: its name and the address where notices under the
/// agreement are given (not a payments clerk's).
public struct LegalEntity: Sendable, Hashable {
    public var name: String
    public var noticeAddress: [String]
    /// Where notices may also be emailed, when the agreement allows it.
    public var email: String?

    public init(name: String, noticeAddress: [String], email: String? = nil) {
        self.name = name
        self.noticeAddress = noticeAddress
        self.email = email
    }
}
