import Foundation
import Logging
import PayChaseDomain
import PayChaseOutbox

/// `paychase queue`: what waits to be sent, and settling a message the server may already have.
public struct QueueJob: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Every queued message, oldest first. While no send runs, what a killed one left is
    /// finished first, so the states read true.
    public func list(logger: Logger) throws(PayChaseError) -> [QueuedMessage] {
        do {
            return try OutboxSession.listing(workspace.outbox, logger: logger).queue.all()
        } catch {
            throw error.failure
        }
    }

    /// The practice checked with the recipient: an uncertain message did arrive. It moves to
    /// `sent/` and the record notes the confirmation (not a server reply).
    /// Whether a queued message's retry time has come at `now`: read without the lock, so the
    /// service's worker can look without waiting for a send in progress.
    public func hasDue(at now: Date) -> Bool {
        let messages = (try? MessageQueue(outbox: workspace.outbox).all()) ?? []
        return messages.contains { $0.state == .queued && $0.nextAttempt <= now }
    }

    public func confirmDelivered(_ id: String, logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> QueuedMessage {
        let outbox: OutboxSession
        let messages: [QueuedMessage]
        do {
            outbox = try OutboxSession(working: workspace.outbox, logger: logger)
            messages = try outbox.queue.all()
        } catch {
            throw error.failure
        }
        guard let message = messages.first(where: { $0.id == id }) else {
            throw PayChaseError(.usage, "there is no queued message \(id)", reason: .notQueued(id: id))
        }
        guard message.state == .uncertain else {
            throw PayChaseError(
                .usage,
                "\(id) is \(message.state.rawValue), not uncertain; only a message the server may already have can be confirmed"
            )
        }
        do {
            // The copy as it was handed over: with the record's head it carried, when known.
            let queued = try outbox.queue.bytes(of: message)
            let sent = message.witness.flatMap(RecordHead.init(parsing:)).map { Witness.stamp(queued, $0) } ?? queued
            let confirmation = message.attempt(
                server: "-",
                reply: "confirmed delivered by the practice after an uncertain attempt",
                outcome: .confirmed,
                sha256: SHA256Hex.digest(sent),
                dsnRequested: false
            )
            try outbox.append(RecordLine(time: RecordTime.format(clock.now()), entry: confirmation))
            try outbox.queue.markSent(message, bytes: sent)
            try outbox.queue.sync()
        } catch {
            throw error.failure
        }
        return message
    }
}
