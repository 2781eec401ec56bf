import Foundation
import Logging
import PayChaseCurl
import PayChaseDomain
import PayChaseOutbox
import PayChaseSMTP
import PayChaseTransport

/// Works the queue inside a working Outbox session: sends each due message over one
/// connection, recording every attempt before moving the message.
struct Dispatcher {
    let outbox: OutboxSession
    let clock: WallClock
    let logger: Logger
    /// `smtp.max_per_minute`: the batch waits rather than go faster.
    var pace: SendPace?
    /// False stops the batch before the next message.
    var shouldContinue: @Sendable () -> Bool = { true }

    init(outbox: OutboxSession, clock: WallClock, logger: Logger) {
        self.outbox = outbox
        self.clock = clock
        self.logger = logger
    }

    /// Messages handed over between two flushes.
    static let window = 64

    /// Sends `due` in order; stops early (setting `result.stop`) when the server cannot be used.
    /// Each message's outcome is recorded before the next message's MAIL FROM; the record's head
    /// is then written, the message moved, its journal line and progress written, while the
    /// server answers the next message's first commands (or after it, when the transport never
    /// waited; before a pace's wait).
    func send(
        _ due: [QueuedMessage],
        over connection: any MailTransport,
        result: inout SendResult,
        progress: (SendProgress) -> Void
    ) throws(OutboxError) {
        let queue = outbox.queue
        defer { try? queue.endWindow() }
        var unsettled: Unsettled?
        do {
            try send(due, over: connection, result: &result, unsettled: &unsettled, progress: progress)
        } catch {
            if let last = unsettled { try? settle(last, result: &result, progress: progress) }
            try? outbox.catchUpHead()
            throw error
        }
        if let last = unsettled { try settle(last, result: &result, progress: progress) }
        try outbox.catchUpHead()
    }

    /// A message whose outcome is recorded, not yet moved where it puts it.
    private struct Unsettled {
        var message: QueuedMessage
        /// What was handed over (the witness written in).
        let bytes: [UInt8]
        let reply: SMTPResult
        let journal: InFlightWindow
        /// The record's head after the message's entry.
        let head: RecordHead
        let done: Int
        let total: Int
    }

    private func send(
        _ due: [QueuedMessage],
        over connection: any MailTransport,
        result: inout SendResult,
        unsettled: inout Unsettled?,
        progress: (SendProgress) -> Void
    ) throws(OutboxError) {
        let queue = outbox.queue
        var window: InFlightWindow?
        var pace = pace
        // The next message's queued copy, read (and its SHA-256 checked) while the server takes this one.
        var readAhead: (id: String, bytes: [UInt8], intact: Bool)?
        func settleBefore() throws(OutboxError) {
            if let last = unsettled.take() { try settle(last, result: &result, progress: progress) }
        }
        for (index, original) in due.enumerated() {
            // A pace may wait a minute: the message before is settled first, not left in doubt meanwhile.
            if pace != nil { try settleBefore() }
            guard waitForPace(&pace) else {
                result.stoppedEarly = due.count - index
                return
            }
            if index % Self.window == 0 {
                // The window's flush covers its last message's move.
                try settleBefore()
                window = try queue.beginWindow(due[index..<min(index + Self.window, due.count)].map(\.id), head: outbox.head)
            }
            let journal = window!
            let ahead = readAhead.take().flatMap { $0.id == original.id ? $0 : nil }
            let bytes = if let ahead { ahead.bytes } else { try queue.bytes(of: original) }
            var message = original
            message.attempts += 1
            guard ahead?.intact ?? (SHA256Hex.digest(bytes) == message.sha256) else {
                try settleBefore()
                try queue.markFailed(message, bytes: bytes, reason: "the queued copy no longer matches what was queued (damaged); not sent")
                result.refused += 1
                continue
            }
            // The email witnesses the record as it stands now, just before this attempt's entry.
            let head = outbox.head
            let sending = Witness.stamp(bytes, head)
            message.witness = head.description
            let committing = message
            let reply: SMTPResult
            var settleError: OutboxError?
            do throws(MailServerError) {
                reply = try connection.send(
                    sending,
                    from: message.from,
                    to: message.to,
                    envelopeID: message.id,
                    whileWaiting: {
                        do throws(OutboxError) { try settleBefore() } catch { settleError = error }
                        if readAhead == nil, index + 1 < due.count, let next = try? queue.bytes(of: due[index + 1]) {
                            readAhead = (due[index + 1].id, next, SHA256Hex.digest(next) == due[index + 1].sha256)
                        }
                    },
                    // Not after a failure settling the message before: this one then stops short of the server.
                    beforeCommit: { settleError == nil && (try? journal.committing(committing.id, witness: head)) != nil }
                )
            } catch {
                result.stop = error.failure
                if let settleError { throw settleError }
                return
            }
            try outbox.append(
                record(for: message, sha256: SHA256Hex.digest(sending), result: reply, server: connection.server),
                durable: false,
                headLater: true
            )
            // The message before, when the transport never waited (it is settled first), then this one.
            let before = unsettled.take()
            unsettled = Unsettled(
                message: message,
                bytes: sending,
                reply: reply,
                journal: journal,
                head: outbox.head,
                done: index + 1,
                total: due.count
            )
            // What went wrong settling the message before stops the batch, this one recorded.
            if let settleError { throw settleError }
            if let before { try settle(before, result: &result, progress: progress) }
            if let problem = reply.signInProblem {
                // Refused for who is signed in: kept queued, and nothing more is tried as this mailbox.
                result.stop = PayChaseError(.configuration, problem)
                return
            }
        }
    }

    /// Writes the record's head, moves a recorded message where the server's answer puts it,
    /// notes it settled in the window's journal, and tells `progress`.
    private func settle(_ unsettled: Unsettled, result: inout SendResult, progress: (SendProgress) -> Void) throws(OutboxError) {
        try outbox.catchUpHead()
        var message = unsettled.message
        try settle(&message, bytes: unsettled.bytes, after: unsettled.reply, result: &result)
        try unsettled.journal.settled(message.id, head: unsettled.head)
        progress(
            SendProgress(
                done: unsettled.done,
                total: unsettled.total,
                accepted: result.accepted,
                deferred: result.deferred,
                refused: result.refused,
                uncertain: result.uncertain,
                claimID: message.claimID,
                template: message.template,
                to: message.to,
                outcome: unsettled.reply.outcome.rawValue,
                reply: unsettled.reply.reply
            )
        )
    }

    /// Waits, in short naps, until the pace lets the next message go, then counts it as gone;
    /// false when the batch was told to stop first.
    private func waitForPace(_ pace: inout SendPace?) -> Bool {
        while shouldContinue() {
            guard var current = pace else { return true }
            let delay = current.delay(at: clock.now())
            if delay <= 0 {
                current.record(clock.now())
                pace = current
                return true
            }
            logger.debug("waiting for smtp.max_per_minute", metadata: ["seconds": "\(Int(delay.rounded(.up)))"])
            Thread.sleep(forTimeInterval: min(delay, 1))
        }
        return false
    }

    /// Moves the message where the server's answer puts it, and counts it.
    private func settle(_ message: inout QueuedMessage, bytes: [UInt8], after reply: SMTPResult, result: inout SendResult) throws(OutboxError) {
        let queue = outbox.queue
        switch reply.outcome {
        case .accepted:
            try queue.markSent(message, bytes: bytes)
            result.accepted += 1
        case .deferred:
            message.state = .queued
            // A sign-in problem waits for the practice, not for the server: due again once it is put right.
            message.nextAttempt =
                reply.signInProblem != nil ? clock.now() : clock.now().addingTimeInterval(Self.backoff(afterAttempts: message.attempts))
            message.lastReply = reply.reply
            try queue.save(message, durable: false)
            result.deferred += 1
        case .refused:
            try queue.markFailed(message, bytes: bytes, reason: reply.reply)
            result.refused += 1
        case .uncertain:
            message.state = .uncertain
            message.lastReply = reply.reply
            try queue.save(message, durable: false)
            result.uncertain += 1
        }
    }

    /// `sha256`: of the bytes handed over, the record's head written into them.
    func record(for message: QueuedMessage, sha256: String, result: SMTPResult, server: String) -> RecordLine {
        let attempt = message.attempt(
            server: server,
            reply: result.reply,
            outcome: EmailAttempt.Outcome(rawValue: result.outcome.rawValue)!,
            sha256: sha256,
            dsnRequested: result.dsnRequested
        )
        return RecordLine(time: RecordTime.format(clock.now()), entry: attempt)
    }

    /// Five minutes, doubling with each attempt, at most six hours.
    static func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(300 * pow(2, Double(max(0, attempts - 1))), 6 * 3600)
    }
}
