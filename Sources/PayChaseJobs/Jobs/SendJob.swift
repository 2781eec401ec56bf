import Foundation
import Logging
import PayChaseCurl
import PayChaseDomain
import PayChaseInput
import PayChaseMail
import PayChaseOutbox
import PayChaseSMTP
import PayChaseTransport

/// `paychase send`: queue a template's emails (after drafting them as `draft` does) or just work
/// the queue, then hand each due message to the practice's SMTP server over one connection.
public struct SendJob: Sendable {
    public enum Source: Sendable {
        case template(String, ClaimSelection)
        /// Only what is already queued (`send --queued`).
        case queued
    }

    public struct Options: Sendable {
        /// Try deferred messages now instead of waiting for their retry time.
        public var retryNow = false
        /// Send again the messages held as uncertain (after checking the recipient did not get them).
        public var resendUncertain = false
        /// Queue even when the same document went to the same claim in the last 14 days.
        public var again = false
        public var insecurity = MailServerSetup.Insecurity()
        /// Where `smtp.password_env` is looked up: the process's environment unless given.
        public var environment: [String: String]?
        /// Asked before each message: false stops the batch there (the rest stay queued), as a
        /// service does when it is told to shut down.
        public var shouldContinue: @Sendable () -> Bool = { true }
        /// How messages reach the server: libcurl's SMTP unless another transport is given.
        public var transport: MailTransports.Send = MailTransports.smtp
        /// How the mailbox is reached for the copy in the sent folder: libcurl's IMAP unless given.
        public var mailbox: MailTransports.Read = MailTransports.imap
        public init() {}
    }

    public var workspace: Workspace
    public var source: Source
    public var asOf: CalendarDate
    public var options: Options

    /// A second copy of the same document within this many days needs `--again`.
    public static let resendGuardDays = 14

    public init(workspace: Workspace, source: Source, asOf: CalendarDate, options: Options) {
        self.workspace = workspace
        self.source = source
        self.asOf = asOf
        self.options = options
    }

    public func run(logger: Logger, clock: WallClock = .system, progress: (SendProgress) -> Void = { _ in }) throws(PayChaseError) -> SendResult {
        var result = SendResult()
        let settings = try workspace.loadSettings()
        let setup = MailServerSetup(
            settings: settings,
            configPath: workspace.configPath,
            insecurity: options.insecurity,
            environment: options.environment
        )
        let configuration: SMTPConfiguration
        do {
            configuration = try setup.smtp()
        } catch {
            // Nothing can be sent, but the drafts are still written for the practice to send by hand.
            if case .template = source {
                result.drafts = try draft(profile: settings.profile, record: try workspace.readRecordView(), logger: logger, clock: clock).result
            }
            result.stop = error
            return result
        }
        do {
            let outbox = try OutboxSession(working: workspace.outbox, logger: logger)
            var feedback: [String: ClaimFeedback]?
            if case .template = source {
                feedback = try draftAndQueue(into: outbox, profile: settings.profile, result: &result, logger: logger, clock: clock)
            }
            try dispatch(
                outbox,
                feedback: feedback,
                configuration: configuration,
                maxPerMinute: settings.maxPerMinute,
                result: &result,
                logger: logger,
                clock: clock,
                progress: progress
            )
            result.sentCopies = SentCopyFiler.fileAfterSending(outbox, setup: setup, mailbox: options.mailbox, logger: logger, clock: clock)
        } catch let error as PayChaseError {
            throw error
        } catch let error as OutboxError where error.recordProblem != nil {
            throw error.failure
        } catch {
            throw PayChaseError(.temporaryFailure, "\(error); what is queued stays queued")
        }
        return result
    }

    /// Drafts and queues the template's emails. What it means to queue is noted before it drafts,
    /// so a run stopped before the batch is queued is named by the next one; an error is said now.
    /// Returns what the record said of each claim, read once for the drafts and the send.
    private func draftAndQueue(
        into outbox: OutboxSession,
        profile: PracticeProfile,
        result: inout SendResult,
        logger: Logger,
        clock: WallClock
    ) throws -> [String: ClaimFeedback] {
        do {
            let record = RecordView(outbox)
            let (drafts, emails) = try draft(profile: profile, record: record, logger: logger, clock: clock) {
                claims,
                template throws(PayChaseError) in try intend(claims, template: template, outbox: outbox, history: record.history)
            }
            result.drafts = drafts
            try enqueue(emails, into: outbox, history: record.history, result: &result, clock: clock)
            try outbox.queue.forgetIntent()
            return record.feedback
        } catch {
            try? outbox.queue.forgetIntent()
            throw error
        }
    }

    /// Notes which of `claims` this send will queue `template` for.
    private func intend(_ claims: [Claim], template: String, outbox: OutboxSession, history: ClaimHistory) throws(PayChaseError) {
        do {
            let waiting = try outbox.queue.all()
            let meant = claims.filter { skipNote(claimID: $0.id, template: template, waiting: waiting, history: history) == nil }
            try outbox.queue.intend(meant.map { MessageQueue.Intended(claimID: $0.id, template: template) })
        } catch {
            throw error.failure
        }
    }

    /// Drafts the emails; each carries the record's head as it stands before any of them is sent.
    private func draft(
        profile: PracticeProfile,
        record: RecordView,
        logger: Logger,
        clock: WallClock,
        beforeRendering: ([Claim], String) throws(PayChaseError) -> Void = { _, _ in }
    ) throws(PayChaseError) -> (result: DraftResult, emails: [DraftJob.PreparedEmail]) {
        guard case .template(let name, let selection) = source else { return (DraftResult(), []) }
        return try DraftJob(workspace: workspace, template: name, selection: selection, asOf: asOf)
            .prepare(profile: profile, record: record, logger: logger, clock: clock, beforeRendering: beforeRendering)
    }

    /// Why a claim's document is not queued again (already queued, or sent in the last 14 days
    /// without `--again`); nil when it is queued.
    private func skipNote(claimID: String, template: String, waiting: [QueuedMessage], history: ClaimHistory) -> SendNote? {
        if let queued = waiting.first(where: { $0.claimID == claimID && $0.template == template }) {
            return .alreadyQueued(claimID: claimID, template: template, queueID: queued.id)
        }
        if !options.again, let last = history.lastSent[claimID]?[template], last.date.days(until: asOf) < Self.resendGuardDays {
            return .sentRecently(claimID: claimID, template: template, sentOn: last.date, messageID: last.messageID)
        }
        return nil
    }

    /// Sends every due message over one connection; counts the rest as waiting or held.
    private func dispatch(
        _ outbox: OutboxSession,
        feedback known: [String: ClaimFeedback]?,
        configuration: SMTPConfiguration,
        maxPerMinute: Int?,
        result: inout SendResult,
        logger: Logger,
        clock: WallClock,
        progress: (SendProgress) -> Void
    ) throws(OutboxError) {
        let now = clock.now()
        var due: [QueuedMessage] = []
        let queued = try outbox.queue.all()
        // Which claims are paused: from the record as this run already read it, else read only
        // when something waits.
        let feedback = queued.isEmpty ? [:] : (known ?? outbox.history().feedback)
        for message in queued {
            if let pause = feedback[message.claimID]?.paused, pause.holds(on: asOf) {
                result.waiting += 1
                result.notes.append(.paused(queueID: message.id, claimID: message.claimID, pause: pause.description))
                continue
            }
            switch message.state {
            case .queued where message.nextAttempt <= now || options.retryNow:
                due.append(message)
            case .queued:
                result.waiting += 1
            case .uncertain where options.resendUncertain:
                due.append(message)
            case .uncertain:
                result.held += 1
                result.notes.append(.held(queueID: message.id, lastReply: message.lastReply, recipients: message.to))
            }
        }
        guard !due.isEmpty else { return }
        let connection: any MailTransport
        do { connection = try options.transport(configuration, logger) } catch {
            result.stop = error.failure
            return
        }
        var dispatcher = Dispatcher(outbox: outbox, clock: clock, logger: logger)
        dispatcher.pace = maxPerMinute.map(SendPace.init)
        dispatcher.shouldContinue = options.shouldContinue
        try dispatcher.send(due, over: connection, result: &result, progress: progress)
        if result.stop != nil {
            result.waiting += due.count - result.attempted
        } else {
            result.waiting += result.stoppedEarly
        }
    }

    /// Queues each email unless the same document is already queued or went out recently.
    private func enqueue(
        _ emails: [DraftJob.PreparedEmail],
        into outbox: OutboxSession,
        history: ClaimHistory,
        result: inout SendResult,
        clock: WallClock
    ) throws(OutboxError) {
        guard !emails.isEmpty else { return }
        let batch = try outbox.queue.newBatch()
        let waiting = try outbox.queue.all()
        for (sequence, email) in emails.enumerated() {
            let template = email.message.extraHeaders.first { $0.name == "X-PayChase-Template" }?.value ?? ""
            if let note = skipNote(claimID: email.claim.id, template: template, waiting: waiting, history: history) {
                result.notes.append(note)
                continue
            }
            let bytes: [UInt8]
            do { bytes = try MailComposer.compose(email.message, draft: false) } catch {
                result.drafts.problems.append(Problem(claimID: email.claim.id, "claim \(email.claim.id): \(template): \(error)"))
                continue
            }
            let now = clock.now()
            let message = QueuedMessage(
                id: MessageQueue.newID(claimID: email.claim.id, template: template, at: now, sequence: sequence),
                claimID: email.claim.id,
                template: template,
                messageID: email.message.messageID,
                from: email.message.from.address,
                to: email.message.envelopeRecipients,
                subject: email.message.subject,
                sha256: SHA256Hex.digest(bytes),
                queuedAt: now
            )
            try outbox.queue.enqueue(bytes, as: message, batch: batch)
            result.queued += 1
        }
        try batch.commit()
    }
}
