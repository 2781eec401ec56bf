import PayChaseDomain

/// One line of `Outbox/deliveries.jsonl`: what happened, when it was recorded, and its place in
/// the hash chain.
public struct RecordLine: Sendable, Hashable {
    /// UTC, ISO 8601 with milliseconds (`RecordTime`).
    public var time: String
    public var entry: RecordEntry
    /// Who made it: the signed-in user of the web pages, the operating-system user of the
    /// command line, `worker` for the web service's own rounds; nil in lines written before
    /// PayChase said. Covered by the hash chain like every other key.
    public var by: String?
    /// SHA-256 of the previous line (64 zeros for the first).
    public var previous: String
    /// SHA-256 of this line with its own hash left empty: what the next line chains to.
    public var hash: String

    /// An entry not yet sealed: `DeliveryLog.seal` fills in `previous` and `hash`.
    public init(time: String, entry: RecordEntry, by: String? = nil) {
        self.time = time
        self.entry = entry
        self.by = by
        previous = ""
        hash = ""
    }

    init(time: String, entry: RecordEntry, by: String?, previous: String, hash: String) {
        self.time = time
        self.entry = entry
        self.by = by
        self.previous = previous
        self.hash = hash
    }

    public var claimID: String? { entry.claimID }
    public var kind: RecordEntry.Kind { entry.kind }
}

extension RecordLine: Codable {
    public init(from decoder: any Decoder) throws {
        let wire = try RecordWire(from: decoder)
        guard let line = RecordLine(wire) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "the fields do not make a '\(wire.outcome)' entry"))
        }
        self = line
    }

    public func encode(to encoder: any Encoder) throws {
        try RecordWire(self).encode(to: encoder)
    }
}
