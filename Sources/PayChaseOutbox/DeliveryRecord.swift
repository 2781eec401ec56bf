/// One line of `Outbox/deliveries.jsonl`: one attempt to deliver one message, or one letter
/// recorded as posted.
public struct DeliveryRecord: Codable, Sendable, Hashable {
    public enum Outcome: String, Codable, Sendable {
        case accepted, deferred, refused
        /// The whole message went but no reply came back.
        case uncertain
        /// The practice confirmed an uncertain message arrived.
        case confirmed
        /// A printed letter was posted (the PDF's SHA-256 is `sha256`).
        case posted
        /// The practice repaired a record that did not verify; `sha256` is the damaged file's.
        case repaired
        /// Read back from the practice mailbox (`receipt` says what; `sha256` is its bytes').
        case readReceipt = "read-receipt"
        case deliveryStatus = "delivery-status"
        case automaticReply = "automatic-reply"
        case reply
        /// A payment received (`payment` says how much).
        case payment
        /// A copy of an accepted email filed in the practice mailbox's sent folder over IMAP
        /// (`document` names the folder; `sha256` is the bytes filed, those the server accepted).
        case sentItemsCopy = "sent-items-copy"
    }

    /// UTC, ISO 8601 with milliseconds.
    public var time: String
    public var claimID: String
    public var template: String
    public var queueID: String
    public var messageID: String
    public var from: String
    public var to: [String]
    public var subject: String
    /// `host:port` of the SMTP server.
    public var server: String
    /// The server's full final reply, e.g. `250 2.0.0 Ok: queued as 899B3F7E180`.
    public var reply: String
    public var outcome: Outcome
    /// SHA-256 of the exact message bytes.
    public var sha256: String
    public var dsnRequested: Bool
    public var attempt: Int
    /// For a posted letter: the day it was posted (ISO 8601 date), how, and the tracking number.
    public var postedOn: String?
    public var method: String?
    public var tracking: String?
    /// For a posted letter: the PDF, relative to the Outbox; for a receipt, its file.
    public var document: String?
    /// For something read back from the mailbox.
    public var receipt: ReceiptFacts?
    /// For a payment received.
    public var payment: PaymentFacts?
    /// SHA-256 of the previous entry (64 zeros for the first).
    public var previous: String
    /// SHA-256 of this entry: its fields and `previous`.
    public var entry: String

    public init(
        time: String,
        claimID: String,
        template: String,
        queueID: String,
        messageID: String,
        from: String,
        to: [String],
        subject: String,
        server: String,
        reply: String,
        outcome: Outcome,
        sha256: String,
        dsnRequested: Bool,
        attempt: Int
    ) {
        self.time = time
        self.claimID = claimID
        self.template = template
        self.queueID = queueID
        self.messageID = messageID
        self.from = from
        self.to = to
        self.subject = subject
        self.server = server
        self.reply = reply
        self.outcome = outcome
        self.sha256 = sha256
        self.dsnRequested = dsnRequested
        self.attempt = attempt
        previous = ""
        entry = ""
    }

    enum CodingKeys: String, CodingKey {
        case time, template, from, to, subject, server, reply, outcome, sha256, attempt, previous, entry
        case claimID = "claim_id"
        case queueID = "queue_id"
        case messageID = "message_id"
        case dsnRequested = "dsn_requested"
        case postedOn = "posted_on"
        case method, tracking, document, receipt, payment
    }
}
