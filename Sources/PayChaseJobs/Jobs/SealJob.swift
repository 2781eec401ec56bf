import Foundation
import Logging
import PayChaseDomain
import PayChaseMail
import PayChaseOutbox

/// The daily record seal: once a day when anything was recorded since the last seal, a short email
/// to the practice's own mailbox carrying the record's head (written in as it is handed over, as
/// every email's is). The mail provider then holds a witness of the record, dated, that the
/// practice's own files cannot change, even on days no email went to anyone else. It goes through
/// the queue like any email: never sent twice, never lost.
public struct SealJob: Sendable {
    public var workspace: Workspace
    public var options: SendJob.Options

    /// The template name the seal is recorded and queued under (claim `-`: it is about no claim).
    public static let template = "record-seal"
    public static let claimID = "-"

    public init(workspace: Workspace, options: SendJob.Options = SendJob.Options()) {
        self.workspace = workspace
        self.options = options
    }

    /// Sends the seal if one is due on `day` (London): nil when it is not (nothing recorded since
    /// the last seal, one already sent or queued that day, or no smtp: to send it with).
    public func run(on day: CalendarDate, logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> SendResult? {
        let settings = try workspace.loadSettings()
        guard settings.smtp != nil else { return nil }
        do {
            let outbox = try OutboxSession(working: workspace.outbox, logger: logger)
            guard try Self.isDue(outbox, on: day) else { return nil }
            try queueSeal(in: outbox, profile: settings.profile, day: day, clock: clock)
        } catch {
            throw error.failure
        }
        return try SendJob(workspace: workspace, source: .queued, asOf: day, options: options).run(logger: logger, clock: clock)
    }

    /// Something was recorded since the newest seal the server accepted, and no seal was sent or
    /// queued on `day`.
    static func isDue(_ outbox: OutboxSession, on day: CalendarDate) throws(OutboxError) -> Bool {
        if try outbox.queue.all().contains(where: { $0.template == template }) { return false }
        guard let last = outbox.records.lastIndex(where: { $0.entry.reachedServer?.message.template == template }) else {
            return !outbox.records.isEmpty
        }
        let sealedOn = RecordTime.parse(outbox.records[last].time).map(LondonTime.date(of:))
        let since = outbox.records[(last + 1)...].contains { line in
            switch line.entry {
            case .sentItemsCopy: false
            case .email(let email): email.message.template != template
            case .letterPosted, .mailReturned, .paymentReceived, .partnersDecision, .paused, .resumed, .repair: true
            }
        }
        return since && sealedOn != day
    }

    private func queueSeal(in outbox: OutboxSession, profile: PracticeProfile, day: CalendarDate, clock: WallClock) throws(OutboxError) {
        let practice = profile.practice
        let mailbox = profile.receipts.to.isEmpty ? practice.email : profile.receipts.to
        let head = outbox.head
        let message = MailMessage(
            from: Mailbox(name: practice.name, address: practice.email),
            to: [Mailbox(name: practice.name, address: mailbox)],
            subject: "PayChase record seal, \(day.formatted): \(head.entries) entries",
            body: Self.body(practice: practice.name),
            date: clock.now(),
            extraHeaders: [("X-PayChase-Claim", Self.claimID), ("X-PayChase-Template", Self.template), (RecordHead.headerName, head.headerValue)]
        )
        let bytes: [UInt8]
        do { bytes = try MailComposer.compose(message, draft: false) } catch {
            throw OutboxError(path: outbox.outbox.queue, operation: "compose the record seal", errno: EINVAL)
        }
        let now = clock.now()
        let queued = QueuedMessage(
            id: MessageQueue.newID(claimID: Self.claimID, template: Self.template, at: now),
            claimID: Self.claimID,
            template: Self.template,
            messageID: message.messageID,
            from: practice.email,
            to: message.envelopeRecipients,
            subject: message.subject,
            sha256: SHA256Hex.digest(bytes),
            queuedAt: now
        )
        let batch = try outbox.queue.newBatch()
        try outbox.queue.enqueue(bytes, as: queued, batch: batch)
        try batch.commit()
    }

    static func body(practice: String) -> String {
        """
        This email is the daily seal of \(practice)'s PayChase record: its X-PayChase-Record header \
        names how many entries the record held when this email was sent, and the newest entry's SHA-256.

        Please keep it. Checked against the record later, it shows that no entry made before it was \
        removed or rewritten since, whoever holds the record's files.
        """
    }
}
