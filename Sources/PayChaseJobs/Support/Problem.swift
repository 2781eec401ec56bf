/// One thing wrong, with where it is when that is known.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    /// The character on the line, for a syntax error.
    public var column: Int?
    /// The column, profile key or template variable at fault.
    public var field: String?
    /// The claim concerned, when there is one.
    public var claimID: String?
    public var message: String
    /// What it is, typed, when a front end answers it in its own terms.
    public var reason: PayChaseError.Reason?

    public init(file: String? = nil, line: Int? = nil, field: String? = nil, claimID: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.claimID = claimID
        self.message = message
    }

    /// `claims.csv:4: amount: '12.345' has more than two decimal places`, or the message alone.
    public var description: String {
        guard let file else { return message }
        let place = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
        return "\(file)\(place): \(field.map { "\($0): " } ?? "")\(message)"
    }
}
