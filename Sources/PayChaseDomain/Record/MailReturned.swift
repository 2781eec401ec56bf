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
