/// One header field as it arrived: unfolded, with its value kept as written.
public struct HeaderField: Sendable, Hashable {
    /// The name as written, such as `Subject` or `content-type`.
    public let name: String
    /// The unfolded value without the whitespace around it; encoded words left as they are.
    public let rawValue: String
    /// The name in lower case, for lookups.
    let key: String

    public init(name: String, rawValue: String) {
        self.name = name
        self.rawValue = rawValue
        key = name.lowercased()
    }

    /// The value with RFC 2047 encoded words decoded, for text a person reads (Subject, From).
    public var value: String { EncodedWords.decode(rawValue) }
}

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
