import Foundation
import Logging
import PayChaseDomain
import PayChaseMail
import PayChaseOutbox
import PayChaseSMTP

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
        public var insecurity = SMTPSetup.Insecurity()
        public init() {}
    }

    public var workspace: Workspace
    public var source: Source
    public var asOf: CalendarDate
    public var options: Options

    /// A second copy of the same document within this many days needs `--again`.
    static let resendGuardDays = 14

    public init(workspace: Workspace, source: Source, asOf: CalendarDate, options: Options) {
        self.workspace = workspace
        self.source = source
        self.asOf = asOf
        self.options = options
    }

    public func run(logger: Logger, progress: (SendProgress) -> Void = { _ in }) throws(PayChaseError) -> SendReport {
        var report = SendReport()
        let profile: PracticeProfile
        var emails: [DraftJob.PreparedEmail] = []
        switch source {
        case .template(let name, let selection):
            let prepared = try DraftJob(workspace: workspace, template: name, selection: selection, asOf: asOf).prepare(logger: logger)
            report.drafts = prepared.report
            profile = prepared.profile
            emails = prepared.emails
        case .queued:
            profile = try workspace.loadProfile()
        }
        let configuration: SMTPConfiguration
        do {
            configuration = try SMTPSetup.configuration(profile: profile, configPath: workspace.configPath, insecurity: options.insecurity)
        } catch {
            report.stoppedBy = error.description
            report.status = error.status
            return report
        }
        do {
            try dispatch(emails, configuration: configuration, report: &report, logger: logger, progress: progress)
        } catch {
            throw PayChaseError(.temporaryFailure, "\(error); what is queued stays queued")
        }
        report.status = status(of: report)
        return report
    }

    private func dispatch(
        _ emails: [DraftJob.PreparedEmail], configuration: SMTPConfiguration, report: inout SendReport, logger: Logger,
        progress: (SendProgress) -> Void
    ) throws(OutboxError) {
        let lock = try OutboxLock(outbox: workspace.outbox)
        defer { withExtendedLifetime(lock) {} }
        let queue = MessageQueue(outbox: workspace.outbox)
        let log = DeliveryLog(outbox: workspace.outbox)
        let dispatcher = Dispatcher(queue: queue, log: log, writer: try log.writer(), logger: logger)
        try dispatcher.recover()
        try enqueue(emails, into: queue, log: log, report: &report)

        let now = Date()
        var due: [QueuedMessage] = []
        for message in try queue.all() {
            switch message.state {
            case .queued where message.nextAttempt <= now || options.retryNow:
                due.append(message)
            case .queued:
                report.waiting += 1
            case .uncertain where options.resendUncertain:
                due.append(message)
            case .uncertain:
                report.held += 1
                report.notes.append("\(message.id): held, the server may already have it (\(message.lastReply ?? "no reply")); check with \(message.to.joined(separator: ", ")), then run 'paychase send --queued --resend-uncertain' or 'paychase queue --delivered \(message.id)'")
            }
        }
        guard !due.isEmpty else { return }
        let connection: SMTPConnection
        do { connection = try SMTPConnection(configuration: configuration, logger: logger) } catch {
            report.stoppedBy = error.message
            report.status = .configuration
            return
        }
        try dispatcher.send(due, over: connection, report: &report, progress: progress)
        if report.stoppedBy != nil {
            report.waiting += due.count - report.attempted
        }
    }

    /// Queues each email unless the same document is already queued or went out recently.
    private func enqueue(_ emails: [DraftJob.PreparedEmail], into queue: MessageQueue, log: DeliveryLog, report: inout SendReport) throws(OutboxError) {
        guard !emails.isEmpty else { return }
        let batch = AtomicBatch()
        defer { _ = try? batch.commit() }
        let waiting = try queue.all()
        let sent = log.entries().filter { $0.outcome == .accepted || $0.outcome == .confirmed }
        for email in emails {
            let template = email.message.extraHeaders.first { $0.name == "X-PayChase-Template" }?.value ?? ""
            if let queued = waiting.first(where: { $0.claimID == email.claim.id && $0.template == template }) {
                report.notes.append("\(email.claim.id): \(template) is already queued (\(queued.id)); it goes with 'paychase send --queued'")
                continue
            }
            if !options.again, let last = sent.last(where: { $0.claimID == email.claim.id && $0.template == template }),
               let date = DeliveryHistory.londonDate(last.time), date.days(until: asOf) < Self.resendGuardDays {
                report.notes.append("\(email.claim.id): \(template) was already sent on \(date.formatted) (\(last.messageID)); use --again to send another")
                continue
            }
            let bytes: [UInt8]
            do { bytes = try MailComposer.compose(email.message, draft: false) } catch {
                report.drafts.problems.append("claim \(email.claim.id): \(template): \(error)")
                continue
            }
            let message = QueuedMessage(
                id: MessageQueue.newID(claimID: email.claim.id, template: template), claimID: email.claim.id, template: template,
                messageID: email.message.messageID, from: email.message.from.address, to: email.message.to.map(\.address),
                subject: email.message.subject, sha256: SHA256Hex.digest(bytes), queuedAt: Date()
            )
            try queue.enqueue(bytes, as: message, batch: batch)
            report.queued += 1
        }
        try batch.commit()
    }

    /// 78 for settings, 69 when the server could not be reached at all, 75 when anything waits
    /// to be retried, 65 when something was refused or could not be made, else 0.
    private func status(of report: SendReport) -> ExitStatus {
        if report.status == .configuration { return .configuration }
        if report.status == .unavailable && report.attempted == 0 { return .unavailable }
        if report.status == .unavailable || report.deferred + report.uncertain + report.waiting + report.held > 0 {
            return .temporaryFailure
        }
        if report.refused > 0 || !report.drafts.problems.isEmpty { return .dataError }
        return .ok
    }
}
