import Logging
import PayChaseDomain
import PayChaseOutbox

/// `paychase pause` and `resume`: the practice stops chasing a claim for a reason (a promise to
/// pay, a query being answered), until a day or until it resumes. While paused the claim's next
/// step says so, `--overdue` skips it and the queue holds its emails.
public struct PauseJob: Sendable {
    public enum Change: Sendable, Hashable {
        /// Pause, with the reason and the last day of the pause (nil: until resumed).
        case pause(reason: String, until: CalendarDate?)
        case resume
    }

    public var workspace: Workspace
    public var claimID: String
    public var change: Change
    /// The day it is recorded on: a pause must end on or after it.
    public var asOf: CalendarDate

    public init(workspace: Workspace, claimID: String, change: Change, asOf: CalendarDate) {
        self.workspace = workspace
        self.claimID = claimID
        self.change = change
        self.asOf = asOf
    }

    /// What the record now says of the claim: `paused until 25 December 2026: promise to pay`.
    public struct Result: Sendable, Hashable {
        public var claimID: String
        public var summary: String
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> Result {
        if case .pause(let reason, let until) = change {
            let text = reason.trimmingSpaces()
            guard !text.isEmpty else {
                throw PayChaseError(
                    .usage,
                    "say why the claim is paused with --reason, such as \(ClaimPaused.suggestedReasons.map { "'\($0)'" }.joined(separator: ", "))"
                )
            }
            guard OneLineInput.fits(text) else { throw OneLineInput.refusal(.pauseReason) }
            if let until, until < asOf {
                throw PayChaseError(
                    .usage,
                    "--until \(until.description) is before today (\(asOf.description)); a pause ends on or after the day it starts"
                )
            }
        }
        let profile = try workspace.loadProfile()
        guard try workspace.loadClaims(profile: profile).contains(where: { $0.id == claimID }) else {
            throw PayChaseError(.usage, "claim '\(claimID)' is not in \(workspace.claimsPath)")
        }
        let outbox: OutboxSession
        do { outbox = try OutboxSession(working: workspace.outbox, logger: logger) } catch { throw error.failure }
        let paused = outbox.history().feedback[claimID]?.paused.flatMap { $0.holds(on: asOf) ? $0 : nil }
        let entry: RecordEntry
        switch change {
        case .pause(let reason, let until):
            entry = .paused(ClaimPaused(claimID: claimID, reason: reason.trimmingSpaces(), until: until, from: profile.practice.email))
        case .resume:
            guard paused != nil else { throw PayChaseError(.usage, "claim \(claimID) is not paused; there is nothing to resume") }
            entry = .resumed(ClaimResumed(claimID: claimID, from: profile.practice.email))
        }
        do { try outbox.append(RecordLine(time: RecordTime.format(clock.now()), entry: entry)) } catch { throw error.failure }
        logger.debug("recorded \(entry.kind.rawValue)", metadata: ["claim": "\(claimID)"])
        return Result(claimID: claimID, summary: entry.summary)
    }
}
