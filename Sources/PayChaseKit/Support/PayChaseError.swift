/// Why a job failed: a stable kind that a front end maps to an exit code or an HTTP status, and
/// every problem found, each saying where and what.
public struct PayChaseError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The request is wrong: an unknown template or claim, an email where a letter is needed.
        case usage
        /// The claims, a template or the record are wrong.
        case invalidData
        /// A mail server or a printer could not be used.
        case unavailable
        /// Worth trying again later: the Outbox is busy or could not be written.
        case temporaryFailure
        /// The profile or the environment is wrong.
        case configuration
    }

    public var kind: Kind
    public var problems: [Problem]

    public init(_ kind: Kind, _ problems: [Problem]) {
        self.kind = kind
        self.problems = problems
    }

    public init(_ kind: Kind, _ message: String) {
        self.init(kind, [Problem(message)])
    }

    public init(_ kind: Kind, _ messages: [String]) {
        self.init(kind, messages.map { Problem($0) })
    }

    /// One line per problem.
    public var lines: [String] { problems.map(\.description) }

    public var description: String { lines.joined(separator: "\n") }
}

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
