import Foundation
import Logging
import PayChaseOutbox

/// `paychase queue`: what waits to be sent, and settling a message the server may already have.
public struct QueueReport: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public func table(logger: Logger) throws(PayChaseError) -> String {
        let messages: [QueuedMessage]
        do {
            // While no send runs, finish what a killed one left, so states read true.
            if let lock = try? OutboxLock(outbox: workspace.outbox) {
                try recover(logger: logger)
                withExtendedLifetime(lock) {}
            }
            messages = try MessageQueue(outbox: workspace.outbox).all()
        } catch {
            throw PayChaseError(.temporaryFailure, error.description)
        }
        guard !messages.isEmpty else { return "The queue is empty.\n" }
        let rows = messages.map { message in
            [message.id, message.state.rawValue, String(message.attempts),
             message.state == .queued ? LogReport.londonTime(message.nextAttempt) : "-",
             (message.lastReply ?? "").replacingOccurrences(of: "\n", with: " / ")]
        }
        return StatusReport.align([["ID", "STATE", "ATTEMPTS", "NEXT TRY (UK)", "LAST REPLY"]] + rows, rightAligned: [2])
            .joined(separator: "\n") + "\n"
    }

    /// Call with the Outbox lock held.
    private func recover(logger: Logger) throws(OutboxError) {
        let log = DeliveryLog(outbox: workspace.outbox)
        let dispatcher = Dispatcher(queue: MessageQueue(outbox: workspace.outbox), log: log, writer: try log.writer(), logger: logger)
        try dispatcher.recover()
    }

    /// The practice checked with the recipient: an uncertain message did arrive. It moves to
    /// `sent/` and the log records the confirmation (not a server reply).
    public func confirmDelivered(_ id: String, logger: Logger) throws(PayChaseError) -> String {
        do {
            let lock = try OutboxLock(outbox: workspace.outbox)
            defer { withExtendedLifetime(lock) {} }
            let queue = MessageQueue(outbox: workspace.outbox)
            try recover(logger: logger)
            guard let message = try queue.all().first(where: { $0.id == id }) else {
                throw PayChaseError(.usage, "there is no queued message \(id); see 'paychase queue'")
            }
            guard message.state == .uncertain else {
                throw PayChaseError(.usage, "\(id) is \(message.state.rawValue), not uncertain; only a message the server may already have can be confirmed")
            }
            let log = DeliveryLog(outbox: workspace.outbox)
            try log.writer().append(DeliveryRecord(
                time: DeliveryHistory.format(Date()), claimID: message.claimID, template: message.template, queueID: message.id,
                messageID: message.messageID, from: message.from, to: message.to, subject: message.subject, server: "-",
                reply: "confirmed delivered by the practice after an uncertain attempt", outcome: .confirmed,
                sha256: message.sha256, dsnRequested: false, attempt: message.attempts
            ))
            try queue.markSent(message)
            try queue.sync()
            return "\(id) recorded as delivered and moved to sent/"
        } catch let error as PayChaseError {
            throw error
        } catch {
            throw PayChaseError(.temporaryFailure, "\(error)")
        }
    }
}
