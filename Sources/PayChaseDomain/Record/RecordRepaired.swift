/// The practice started the record again from the entries that verified, keeping the damaged
/// one beside it.
public struct RecordRepaired: Sendable, Hashable {
    /// What was wrong, e.g. `Outbox/deliveries.jsonl:16: was edited (…)`.
    public var problem: String
    /// The damaged record's file name, beside the new one.
    public var damagedCopy: String
    /// SHA-256 of the damaged record.
    public var sha256: String
    /// What the record says, in the words written when it was recorded.
    public var summary: String

    public init(problem: String, damagedCopy: String, sha256: String, summary: String? = nil) {
        self.problem = problem
        self.damagedCopy = damagedCopy
        self.sha256 = sha256
        self.summary = summary ?? "repaired by the practice: \(problem); the damaged record is kept as \(damagedCopy)"
    }
}
