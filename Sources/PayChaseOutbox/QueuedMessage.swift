import Foundation
import PayChaseDomain

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

extension QueuedMessage {
    /// The email as the record names it.
    public var sentEmail: SentEmail {
        SentEmail(claimID: claimID, template: template, queueID: id, messageID: messageID, from: from, to: to, subject: subject)
    }

    /// An attempt to deliver it now (or the practice's confirmation that it arrived), `sha256`
    /// of the bytes handed over.
    public func attempt(server: String, reply: String, outcome: EmailAttempt.Outcome, sha256: String, dsnRequested: Bool) -> RecordEntry {
        .email(
            EmailAttempt(
                message: sentEmail,
                server: server,
                reply: reply,
                outcome: outcome,
                sha256: sha256,
                dsnRequested: dsnRequested,
                attempt: attempts
            )
        )
    }
}
