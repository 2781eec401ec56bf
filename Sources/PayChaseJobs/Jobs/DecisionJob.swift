import Logging
import PayChaseDocuments
import PayChaseDomain
import PayChaseOutbox

/// `paychase record-decision`: the partners signed their decision record for a claim. Each one
/// becomes a record entry with the SHA-256 of the minute's PDF, and from then on the step they
/// agreed to is proposed.
public struct DecisionJob: Sendable {
    public var workspace: Workspace
    /// The step agreed: `late-payment-notice` or `letter-before-claim`.
    public var step: String
    public var claimIDs: [String]
    public var decidedOn: CalendarDate
    public var agreedBy: [String]

    public init(workspace: Workspace, step: String, claimIDs: [String], decidedOn: CalendarDate, agreedBy: [String]) {
        self.workspace = workspace
        self.step = step
        self.claimIDs = claimIDs
        self.decidedOn = decidedOn
        self.agreedBy = agreedBy
    }

    public struct Decision: Sendable, Hashable {
        public var claimID: String
        public var step: String
        public var decidedOn: CalendarDate
        public var agreedBy: [String]
        /// SHA-256 of the signed minute.
        public var sha256: String
        /// When this same minute was recorded before (then it is not recorded again).
        public var alreadyRecordedOn: String?
    }

    public struct Result: Sendable {
        public var recorded: [Decision] = []
        public var alreadyRecorded: [Decision] = []
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> Result {
        guard PartnersDecision.steps.contains(step) else {
            throw PayChaseError(
                .usage,
                "'\(step)' is not a step the partners decide on: record-decision takes \(PartnersDecision.steps.sorted().joined(separator: " or "))"
            )
        }
        let names = agreedBy.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw PayChaseError(.usage, "name the partners who agreed, each with --agreed-by") }
        if names.contains(where: { !OneLineInput.fits($0) }) { throw OneLineInput.refusal(.partnerName) }
        let profile = try workspace.loadProfile()
        let claims = try workspace.loadClaims(profile: profile)
        let byID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
        let missing = claimIDs.filter { byID[$0] == nil }
        guard missing.isEmpty else { throw PayChaseError(.usage, missing.map { "claim '\($0)' is not in \(workspace.claimsPath)" }) }
        let outbox: OutboxSession
        do { outbox = try OutboxSession(working: workspace.outbox, logger: logger) } catch { throw error.failure }
        // The minute is drafted for the step the record calls for now; a decision about another is refused.
        let attempts = outbox.history().attempts
        for id in claimIDs {
            let expected = PartnersDecision.step(for: byID[id]!, attempts: attempts[id] ?? [])
            guard expected == step else {
                throw PayChaseError(
                    .usage,
                    "the partners' decision record for claim \(id) is about the \(expected), the step its record calls for now, not the \(step)"
                )
            }
        }
        var minutes: [(claimID: String, path: String, bytes: [UInt8])] = []
        for id in claimIDs {
            guard let found = workspace.outbox.printedLetter(claimID: id, template: DocumentName.partnersDecision) else {
                throw PayChaseError(
                    .usage,
                    "there is no printed partners-decision for claim \(id): draft or print it (paychase draft partners-decision --claim \(id)), have it signed, then record it"
                )
            }
            minutes.append((id, found.path, found.bytes))
        }
        var result = Result()
        for minute in minutes {
            var decision = Decision(
                claimID: minute.claimID,
                step: step,
                decidedOn: decidedOn,
                agreedBy: names,
                sha256: SHA256Hex.digest(minute.bytes)
            )
            if let earlier = outbox.decision(claimID: minute.claimID, step: step, sha256: decision.sha256) {
                decision.alreadyRecordedOn = earlier.decidedOn.description
                result.alreadyRecorded.append(decision)
                continue
            }
            // The signed minute's own copy, so a later one for the next step does not replace it.
            let kept: String
            do {
                kept = try workspace.outbox.keepCopy(minute.bytes, claimID: minute.claimID, template: DocumentName.partnersDecision, as: step)
            } catch {
                throw PayChaseError(.temporaryFailure, "\(workspace.outbox.letters): the minute's copy could not be written: \(error)")
            }
            let entry = PartnersDecision(
                claimID: minute.claimID,
                step: step,
                from: profile.practice.email,
                agreedBy: names,
                decidedOn: decidedOn,
                pdf: String(kept.dropFirst(workspace.outbox.root.count + 1)),
                sha256: decision.sha256
            )
            do { try outbox.append(RecordLine(time: RecordTime.format(clock.now()), entry: .partnersDecision(entry))) } catch { throw error.failure }
            logger.debug("recorded partners' decision", metadata: ["claim": "\(minute.claimID)", "sha256": "\(decision.sha256)"])
            result.recorded.append(decision)
        }
        return result
    }
}
