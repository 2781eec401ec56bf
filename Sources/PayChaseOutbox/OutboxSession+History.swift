import PayChaseConcurrency
import PayChaseDomain

extension OutboxSession {
    /// What the record means, claim by claim (`ClaimHistory`), read in the order recorded.
    public func history() -> ClaimHistory {
        let records = records
        guard records.count >= 4_096 else { return Self.fold(records, share: nil) }
        // A claim's history is the fold of its own entries: a large record's claims are shared
        // out between two folds by their ids' hash (which agrees with String's ==, as the
        // history's keys do), made at once on two cores.
        let (odd, even) = ParallelMap.both({ Self.fold(records, share: 1) }, { Self.fold(records, share: 0) })
        var history = odd
        history.merge(even)
        return history
    }

    /// The fold of the entries of the claims whose id's hash is odd (1) or even (0), or of all (nil).
    private static func fold(_ records: [RecordLine], share: Int?) -> ClaimHistory {
        // Each entry is lent to the fold where it lies: a copy would retain every string in it.
        var history = ClaimHistory()
        for index in records.indices {
            if let share, (records[index].claimID?.hashValue ?? 0) & 1 != share { continue }
            history.apply(records[index].entry, at: records[index].time)
        }
        return history
    }

    /// The posting already recorded for exactly this letter (same claim, template and PDF).
    public func posting(claimID: String, template: String, sha256: String) -> LetterPosted? {
        for line in records {
            if case .letterPosted(let letter) = line.entry, letter.claimID == claimID, letter.template == template, letter.sha256 == sha256 {
                return letter
            }
        }
        return nil
    }

    /// The decision already recorded for exactly this signed minute (same claim, step and PDF).
    public func decision(claimID: String, step: String, sha256: String) -> PartnersDecision? {
        for line in records {
            if case .partnersDecision(let decision) = line.entry, decision.claimID == claimID, decision.step == step, decision.sha256 == sha256 {
                return decision
            }
        }
        return nil
    }

    /// Queue ids the record shows the server has.
    var deliveredQueueIDs: Set<String> {
        Set(records.compactMap { $0.entry.reachedServer?.message.queueID })
    }

    /// Returned mail already recorded, by the SHA-256 of its bytes: reading it again records nothing.
    public var recordedReturnedMail: Set<String> {
        Set(
            records.compactMap { line in
                guard case .mailReturned(let mail) = line.entry else { return nil }
                return mail.sha256
            }
        )
    }
}
