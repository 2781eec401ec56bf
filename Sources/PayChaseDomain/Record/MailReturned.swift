/// Something about an email PayChase sent, read back from the practice mailbox: a read
/// receipt, a delivery status (bounce or delivery), an automatic reply or a person's reply.
public struct MailReturned: Sendable, Hashable {
    /// Of the email it is about.
    public var claimID: String
    public var template: String
    public var queueID: String
    public var to: [String]
    /// Of what came back: who sent it and its subject.
    public var from: String
    public var subject: String
    /// The IMAP server it was read from.
    public var server: String
    /// SHA-256 of its bytes: read again, it is not recorded again.
    public var sha256: String
    /// Its copy, relative to the Outbox.
    public var file: String
    public var facts: ReturnedMailFacts
    /// What the record says, in the words written when it was recorded:
    /// `delivery-status: failed 5.1.1: mailbox unavailable`, `read-receipt: displayed (manual)`.
    public var summary: String

    public init(
        claimID: String,
        template: String,
        queueID: String,
        to: [String],
        from: String,
        subject: String,
        server: String,
        sha256: String,
        file: String,
        facts: ReturnedMailFacts,
        summary: String? = nil
    ) {
        self.claimID = claimID
        self.template = template
        self.queueID = queueID
        self.to = to
        self.from = from
        self.subject = subject
        self.server = server
        self.sha256 = sha256
        self.file = file
        self.facts = facts
        self.summary = summary ?? "\(facts.report.rawValue): \(facts.summary)"
    }

    /// The Message-ID of the email PayChase sent that this is about.
    public var originalMessageID: String { facts.originalMessageID }

    /// What it means for the claim.
    public var meaning: ReturnedMailMeaning { facts.meaning }
}

/// What came back means, in the one vocabulary the record, reports and pages share.
public enum ReturnedMailMeaning: Sendable, Hashable {
    /// A read receipt: the recipient displayed it.
    case read
    /// A read receipt: deleted without being read.
    case deletedUnread
    /// A delivery status: delivered, or relayed or expanded on.
    case delivered
    /// A delivery status: it failed (a bounce).
    case failed
    /// A delivery status: delayed, still trying.
    case delayed
    case automaticReply
    case reply
    /// A report that says nothing of these (a read receipt `processed`, say).
    case other

    public init(_ facts: ReturnedMailFacts) {
        switch facts.report {
        case .readReceipt:
            switch facts.disposition {
            case "displayed"?: self = .read
            case "deleted"?: self = .deletedUnread
            default: self = .other
            }
        case .deliveryStatus:
            switch facts.action {
            case "failed"?: self = .failed
            case "delayed"?: self = .delayed
            case "delivered"?, "relayed"?, "expanded"?: self = .delivered
            default: self = .other
            }
        case .automaticReply: self = .automaticReply
        case .reply: self = .reply
        }
    }
}

/// What a receipt, bounce or reply said, as read from it.
public struct ReturnedMailFacts: Sendable, Hashable {
    public enum Report: String, Sendable, Hashable, CaseIterable {
        case readReceipt = "read-receipt"
        case deliveryStatus = "delivery-status"
        case automaticReply = "automatic-reply"
        case reply

        public var kind: RecordEntry.Kind { RecordEntry.Kind(rawValue: rawValue)! }
    }

    /// How it was matched to the email PayChase sent.
    public enum Match: String, Sendable, Hashable, CaseIterable {
        case originalMessageID = "original-message-id"
        case returnedHeaders = "returned-headers"
        case envelopeID = "envelope-id"
        case inReplyTo = "in-reply-to"
        case references
    }

    public var report: Report
    /// For a read receipt: displayed, deleted, dispatched, processed; and manual or automatic.
    public var disposition: String?
    public var mode: String?
    /// For a delivery status: failed, delayed, delivered, relayed, expanded; the status code and diagnostic.
    public var action: String?
    public var status: String?
    public var diagnostic: String?
    /// Reporting-MTA or Reporting-UA.
    public var reportingAgent: String?
    /// The Message-ID of the email PayChase sent that this is about.
    public var originalMessageID: String
    public var matchedBy: Match
    /// Its own Message-ID and Date.
    public var messageID: String?
    public var date: String?
    /// Where it was in the mailbox: `UIDVALIDITY:UID`.
    public var mailbox: String

    public init(
        report: Report,
        originalMessageID: String,
        matchedBy: Match,
        mailbox: String,
        disposition: String? = nil,
        mode: String? = nil,
        action: String? = nil,
        status: String? = nil,
        diagnostic: String? = nil,
        reportingAgent: String? = nil,
        messageID: String? = nil,
        date: String? = nil
    ) {
        self.report = report
        self.originalMessageID = originalMessageID
        self.matchedBy = matchedBy
        self.mailbox = mailbox
        self.disposition = disposition
        self.mode = mode
        self.action = action
        self.status = status
        self.diagnostic = diagnostic
        self.reportingAgent = reportingAgent
        self.messageID = messageID
        self.date = date
    }

    public var meaning: ReturnedMailMeaning { ReturnedMailMeaning(self) }

    /// `displayed (manual-action/MDN-sent-manually)`, `failed 5.1.1: mailbox unavailable`.
    public var summary: String {
        switch report {
        case .readReceipt: "\(disposition ?? "?")" + (mode.map { " (\($0))" } ?? "")
        case .deliveryStatus: [action, status].compactMap { $0 }.joined(separator: " ") + (diagnostic.map { ": \($0)" } ?? "")
        case .automaticReply: "an automatic reply"
        case .reply: "a reply"
        }
    }
}
