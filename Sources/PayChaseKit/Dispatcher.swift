import Foundation
import Logging
import PayChaseOutbox
import PayChaseSMTP

/// Works the queue under the Outbox lock: finishes what a killed run left half done, then sends
/// each due message over one connection, recording every attempt before moving the message.
struct Dispatcher {
    let queue: MessageQueue
    let log: DeliveryLog
    let writer: DeliveryLogWriter
    let logger: Logger

    /// Completes moves a crash interrupted. A message the log shows accepted goes to `sent/`;
    /// one that was being handed over with no record is held as uncertain, never resent blindly;
    /// after a power cut, so is every message of the window that was in flight.
    func recover() throws(OutboxError) {
        try queue.sweep()
        let doubtful = queue.inDoubt()
        var messages = try queue.all()
        if !messages.isEmpty {
            let delivered = Set(log.entries().filter { $0.outcome == .accepted || $0.outcome == .confirmed }.map(\.queueID))
            for index in messages.indices {
                let message = messages[index]
                if delivered.contains(message.id) {
                    try queue.markSent(message)
                    logger.info("finished moving \(message.id) to sent/: the log shows the server accepted it")
                } else if message.state == .queued && doubtful.contains(message.id) {
                    messages[index].state = .uncertain
                    messages[index].lastReply = "the run stopped while the server was being given the whole message; the server may have it"
                    try queue.save(messages[index])
                }
            }
        }
        if queue.hasOpenWindow { try queue.endWindow() }
    }

    /// Messages handed over between two flushes.
    static let window = 64

    /// Sends `due` in order; returns early (with the reason) when the server cannot be used.
    func send(
        _ due: [QueuedMessage], over connection: SMTPConnection, report: inout SendReport,
        progress: (SendProgress) -> Void
    ) throws(OutboxError) {
        defer { try? queue.endWindow() }
        var window: InFlightWindow?
        for (index, original) in due.enumerated() {
            if index % Self.window == 0 {
                window = try queue.beginWindow(due[index..<min(index + Self.window, due.count)].map(\.id))
            }
            let journal = window!
            let bytes = try queue.bytes(of: original)
            var message = original
            message.attempts += 1
            guard SHA256Hex.digest(bytes) == message.sha256 else {
                try queue.markFailed(message, bytes: bytes, reason: "the queued copy no longer matches what was queued (damaged); not sent")
                report.refused += 1
                continue
            }
            let committing = message
            let result: SMTPResult
            do {
                result = try connection.send(bytes, from: message.from, to: message.to, envelopeID: message.id) {
                    (try? journal.committing(committing.id)) != nil
                }
            } catch {
                report.stoppedBy = error.message
                report.status = error.kind == .configuration ? .configuration : .unavailable
                return
            }
            try writer.append(record(for: message, result: result, server: connection.configuration.server), durable: false)
            switch result.outcome {
            case .accepted:
                try queue.markSent(message)
                report.accepted += 1
            case .deferred:
                message.state = .queued
                message.nextAttempt = Date().addingTimeInterval(Self.backoff(afterAttempts: message.attempts))
                message.lastReply = result.reply
                try queue.save(message, durable: false)
                report.deferred += 1
            case .refused:
                try queue.markFailed(message, bytes: bytes, reason: result.reply)
                report.refused += 1
            case .uncertain:
                message.state = .uncertain
                message.lastReply = result.reply
                try queue.save(message, durable: false)
                report.uncertain += 1
            }
            try journal.settled(message.id)
            progress(SendProgress(
                done: index + 1, total: due.count, accepted: report.accepted, deferred: report.deferred,
                refused: report.refused, uncertain: report.uncertain,
                line: "\(result.outcome.rawValue): \(message.claimID) \(message.template) to \(message.to.joined(separator: ", ")): \(result.reply.replacingOccurrences(of: "\n", with: " / "))"
            ))
        }
    }

    func record(for message: QueuedMessage, result: SMTPResult, server: String) -> DeliveryRecord {
        DeliveryRecord(
            time: DeliveryHistory.format(Date()), claimID: message.claimID, template: message.template, queueID: message.id,
            messageID: message.messageID, from: message.from, to: message.to, subject: message.subject, server: server,
            reply: result.reply, outcome: DeliveryRecord.Outcome(rawValue: result.outcome.rawValue)!, sha256: message.sha256,
            dsnRequested: result.dsnRequested, attempt: message.attempts
        )
    }

    /// Five minutes, doubling with each attempt, at most six hours.
    static func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(300 * pow(2, Double(max(0, attempts - 1))), 6 * 3600)
    }
}
