/// A block of header fields: a message's, a part's, or returned original headers.
/// Names are looked up without regard to case; the first field of a name wins.
public struct MIMEHeader: Sendable, Hashable {
    public let fields: [HeaderField]

    public init(fields: [HeaderField]) {
        self.fields = fields
    }

    /// The raw value of the first field called `name`.
    public subscript(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.key == wanted }?.rawValue
    }

    /// The raw values of every field called `name`, in order.
    public func values(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.key == wanted }.map(\.rawValue)
    }

    /// The first field called `name` with its encoded words decoded.
    public func decoded(_ name: String) -> String? {
        self[name].map(EncodedWords.decode)
    }
}
