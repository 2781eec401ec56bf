import Dispatch
import PayChaseConcurrency
import PayChaseDomain
import PayChaseInput
import PayChaseOutbox

/// What the jobs need from the record, read once: per claim, what was sent, what came back and
/// what was paid; and the record's head for the emails about to go.
struct RecordView: Sendable {
    var history: ClaimHistory
    var head: RecordHead

    var attempts: [String: [Attempt]] { history.attempts }
    var feedback: [String: ClaimFeedback] { history.feedback }

    init(_ outbox: OutboxSession) {
        history = outbox.history()
        head = outbox.head
    }

    /// The claims with the payments recorded since the claims file was written counted as
    /// paid, so outstanding = amount − paid − payments recorded, everywhere.
    func counting(_ claims: consuming [Claim]) -> [Claim] {
        // Changed where they lie: a copy of every claim retains each of its strings once more.
        for index in claims.indices {
            guard let recorded = feedback[claims[index].id]?.paymentsRecorded, recorded > .zero else { continue }
            claims[index].paid = claims[index].paid + recorded
        }
        return claims
    }
}

extension Workspace {
    /// The record, verified, seen as the jobs need it.
    func readRecordView() throws(PayChaseError) -> RecordView {
        let outbox = try readRecord()
        let view = RecordView(outbox)
        // Nothing else holds the record read whole or reads it again.
        Discard.later(outbox)
        return view
    }

    /// One claim, with the payments recorded counted as paid, and the record it was read with:
    /// the record and the claims file read at once, as for `readRecordAndClaims`.
    func readClaim(_ claimID: String, profile: PracticeProfile) throws(PayChaseError) -> (outbox: OutboxSession, record: RecordView, claim: Claim) {
        let (outbox, claims) = try ParallelMap.both(
            { () throws(PayChaseError) in try readRecord() },
            { () throws(PayChaseError) in
                try loadClaims(profile: profile)
            }
        )
        let record = RecordView(outbox)
        guard let claim = record.counting(claims).first(where: { $0.id == claimID }) else {
            throw PayChaseError(.usage, "claim '\(claimID)' is not in \(claimsPath)")
        }
        return (outbox, record, claim)
    }

    /// The record and the claims, with the payments recorded counted as paid: both read at
    /// once, the record on another thread, since neither needs the other until they are
    /// put together. A damaged record is reported before a problem in the claims.
    func readRecordAndClaims(profile: PracticeProfile?) throws(PayChaseError) -> (record: RecordView, claims: [Claim]) {
        let (record, claims) = try ParallelMap.both(
            { () throws(PayChaseError) in try readRecordView() },
            { () throws(PayChaseError) in
                try loadClaims(profile: profile)
            }
        )
        return (record, record.counting(claims))
    }
}
