import Foundation

/// A message waiting in `Outbox/queue/`: its facts beside the exact bytes to send.
public struct QueuedMessage: Codable, Sendable, Hashable {
    public enum State: String, Codable, Sendable {
        /// Waiting for its turn (`nextAttempt`).
        case queued
        /// Handed over without a reply: not sent again until the practice says so.
        case uncertain
    }

    public var id: String
    public var claimID: String
    public var template: String
    public var messageID: String
    public var from: String
    public var to: [String]
    public var subject: String
    public var sha256: String
    public var queuedAt: Date
    public var attempts: Int
    public var nextAttempt: Date
    public var state: State
    public var lastReply: String?
    /// The record's head (`N:HASH`) written into the copy last handed to the server, so that a
    /// held message confirmed later moves to `sent/` exactly as the server may have it.
    public var witness: String?

    public init(
        id: String,
        claimID: String,
        template: String,
        messageID: String,
        from: String,
        to: [String],
        subject: String,
        sha256: String,
        queuedAt: Date
    ) {
        self.id = id
        self.claimID = claimID
        self.template = template
        self.messageID = messageID
        self.from = from
        self.to = to
        self.subject = subject
        self.sha256 = sha256
        self.queuedAt = queuedAt
        attempts = 0
        nextAttempt = queuedAt
        state = .queued
        lastReply = nil
    }

    enum CodingKeys: String, CodingKey {
        case id, from, to, subject, sha256, attempts, state, template
        case claimID = "claim_id"
        case messageID = "message_id"
        case queuedAt = "queued_at"
        case nextAttempt = "next_attempt"
        case lastReply = "last_reply"
        case witness
    }
}

extension DeliveryRecord {
    /// An entry for an attempt to deliver `message` (or the practice's confirmation that it
    /// arrived): its facts from the queue, `sha256` of the bytes handed over.
    public init(
        attempt message: QueuedMessage,
        time: String,
        server: String,
        reply: String,
        outcome: Outcome,
        sha256: String,
        dsnRequested: Bool
    ) {
        self.init(
            time: time,
            claimID: message.claimID,
            template: message.template,
            queueID: message.id,
            messageID: message.messageID,
            from: message.from,
            to: message.to,
            subject: message.subject,
            server: server,
            reply: reply,
            outcome: outcome,
            sha256: sha256,
            dsnRequested: dsnRequested,
            attempt: message.attempts
        )
    }
}
