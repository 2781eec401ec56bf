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
