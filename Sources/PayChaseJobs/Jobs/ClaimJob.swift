import Logging
import PayChaseDomain
import PayChaseOutbox

/// One claim as the service's claim page shows it: its facts, where it stands and what is next,
/// everything the record holds about it, and its messages still in the queue.
public struct ClaimJob: Sendable {
    public var workspace: Workspace
    public var claimID: String
    public var asOf: CalendarDate

    public init(workspace: Workspace, claimID: String, asOf: CalendarDate) {
        self.workspace = workspace
        self.claimID = claimID
        self.asOf = asOf
    }

    public struct Result: Sendable {
        /// The claim with the payments recorded counted as paid.
        public var claim: Claim
        public var status: StatusReport.Row
        /// The claim's record entries, oldest first: every attempt, posting, receipt, reply and payment.
        public var entries: [RecordLine]
        /// Its messages waiting in the queue or held.
        public var queued: [QueuedMessage]
    }

    public func run(logger: Logger) throws(PayChaseError) -> Result {
        let profile = try workspace.loadProfile()
        let (outbox, record, claim) = try workspace.readClaim(claimID, profile: profile)
        let report = StatusReport(
            claims: [claim],
            profile: profile,
            attempts: record.attempts,
            feedback: record.feedback,
            asOf: asOf,
            rates: workspace.bankRates()
        )
        let queued: [QueuedMessage]
        do { queued = try outbox.queue.all().filter { $0.claimID == claimID } } catch { throw error.failure }
        let entries = outbox.entries(claimID: claimID).map(\.record)
        logger.debug("claim", metadata: ["claim": "\(claimID)", "entries": "\(entries.count)"])
        return Result(claim: claim, status: report.rows[0], entries: entries, queued: queued)
    }
}
