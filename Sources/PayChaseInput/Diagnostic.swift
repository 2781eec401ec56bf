import PayChaseDomain

/// One problem found in an input file, said the way a practice manager can act on it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The character on the line where a syntax error is (1 for the first).
    public var column: Int?
    /// The column (claims) or key (profile) at fault.
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `claims.csv:4: amount: '12.345' has more than two decimal places`, `claims.json:3:17: ...`.
    public var description: String { FileLine.format(file: file, line: line, column: column, field: field, message) }
}
