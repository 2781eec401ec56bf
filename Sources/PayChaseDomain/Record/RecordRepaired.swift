/// The practice started the record again from the entries that verified, keeping the damaged
/// one beside it.
public struct RecordRepaired: Sendable, Hashable {
    /// What was wrong, e.g. `Outbox/deliveries.jsonl:16: was edited (…)`.
    public var problem: String
    /// The damaged record's file name, beside the new one.
    public var damagedCopy: String
    /// SHA-256 of the damaged record.
    public var sha256: String

    public init(problem: String, damagedCopy: String, sha256: String) {
        self.problem = problem
        self.damagedCopy = damagedCopy
        self.sha256 = sha256
    }

    public var summary: String { "repaired by the practice: \(problem); the damaged record is kept as \(damagedCopy)" }
}
