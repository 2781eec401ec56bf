import PayChaseDomain
import PayChaseOutbox

/// What the jobs need from the record, read once: per claim, what was sent, what came back and
/// what was paid; and the record's head for the emails about to go.
struct RecordView {
    var attempts: [String: [Attempt]]
    var feedback: [String: ClaimFeedback]
    var head: RecordHead

    init(_ outbox: OutboxSession) {
        attempts = outbox.attempts()
        feedback = outbox.feedback()
        head = outbox.head
    }

    /// The claims with the payments recorded since the claims file was written counted as
    /// paid, so outstanding = amount − paid − payments recorded, everywhere.
    func counting(_ claims: [Claim]) -> [Claim] {
        claims.map { claim in
            guard let recorded = feedback[claim.id]?.paymentsRecorded, recorded > .zero else { return claim }
            var claim = claim
            claim.paid = claim.paid + recorded
            return claim
        }
    }
}

extension Workspace {
    /// The record, verified, seen as the jobs need it.
    func readRecordView() throws(PayChaseError) -> RecordView { RecordView(try readRecord()) }
}
