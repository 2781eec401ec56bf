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
    func send(
        _ due: [QueuedMessage],
        over connection: any MailTransport,
        result: inout SendResult,
        progress: (SendProgress) -> Void
    ) throws(OutboxError) {
        let queue = outbox.queue
        defer { try? queue.endWindow() }
        var window: InFlightWindow?
        var pace = pace
        for (index, original) in due.enumerated() {
            guard waitForPace(&pace) else {
                result.stoppedEarly = due.count - index
                return
            }
            if index % Self.window == 0 {
                window = try queue.beginWindow(due[index..<min(index + Self.window, due.count)].map(\.id), head: outbox.head)
            }
            let journal = window!
            let bytes = try queue.bytes(of: original)
            var message = original
            message.attempts += 1
            guard SHA256Hex.digest(bytes) == message.sha256 else {
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
            do {
                reply = try connection.send(sending, from: message.from, to: message.to, envelopeID: message.id) {
                    (try? journal.committing(committing.id, witness: head)) != nil
                }
            } catch {
                result.stop = error.failure
                return
            }
            try outbox.append(record(for: message, sha256: SHA256Hex.digest(sending), result: reply, server: connection.server), durable: false)
            try settle(&message, bytes: sending, after: reply, result: &result)
            try journal.settled(message.id, head: outbox.head)
            if let problem = reply.signInProblem {
                // Refused for who is signed in: kept queued, and nothing more is tried as this mailbox.
                result.stop = PayChaseError(.configuration, problem)
                return
            }
            progress(
                SendProgress(
                    done: index + 1,
                    total: due.count,
                    accepted: result.accepted,
                    deferred: result.deferred,
                    refused: result.refused,
                    uncertain: result.uncertain,
                    claimID: message.claimID,
                    template: message.template,
                    to: message.to,
                    outcome: reply.outcome.rawValue,
                    reply: reply.reply
                )
            )
        }
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
