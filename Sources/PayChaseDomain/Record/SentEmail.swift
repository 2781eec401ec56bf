/// An email as PayChase queued it: what every entry about that email repeats of it.
public struct SentEmail: Sendable, Hashable {
    public var claimID: String
    /// The document it carries (`chase`, `appeal`).
    public var template: String
    /// Its file name in the Outbox's queue and `sent/`.
    public var queueID: String
    public var messageID: String
    public var from: String
    public var to: [String]
    public var subject: String

    public init(claimID: String, template: String, queueID: String, messageID: String, from: String, to: [String], subject: String) {
        self.claimID = claimID
        self.template = template
        self.queueID = queueID
        self.messageID = messageID
        self.from = from
        self.to = to
        self.subject = subject
    }
}
