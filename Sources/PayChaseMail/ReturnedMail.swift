/// A message that came back to the practice, classified, with the Message-IDs it names as the
/// message it is about. Made by `ReturnedMailReader.read`.
public struct ReturnedMail: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An RFC 8098 read receipt: `displayed`, `deleted`, `dispatched`, `processed`, ….
        case readReceipt(disposition: String, mode: DispositionMode)
        /// An RFC 3464 report, or a bounce in a server's own format whose recipients are then
        /// best effort (possibly one with no address, when it says only that delivery failed).
        case deliveryStatus(reportingMTA: String?, recipients: [RecipientStatus])
        /// RFC 3834 or an out-of-office: never a person's answer, even when it names our message.
        case automaticReply
        /// A person's answer: none of the above, and it names a message it replies to.
        case humanReply
        /// Abuse and feedback reports, unsubscribe requests, and anything else.
        case other
    }

    public let kind: Kind
    /// In `CandidateSource` order, most trustworthy first.
    public let candidates: [MatchCandidate]
    /// Its own Message-ID, bare.
    public let messageID: String?
    /// The Date header as written.
    public let date: String?
    /// The From header, encoded words decoded.
    public let from: String?
    /// The Subject, encoded words decoded.
    public let subject: String?
    /// The read receipt's fields (who read it, with what), for a `.readReceipt`.
    public let dispositionNotification: DispositionNotification?

    public init(
        kind: Kind,
        candidates: [MatchCandidate],
        messageID: String?,
        date: String?,
        from: String?,
        subject: String?,
        dispositionNotification: DispositionNotification? = nil
    ) {
        self.kind = kind
        self.candidates = candidates
        self.messageID = messageID
        self.date = date
        self.from = from
        self.subject = subject
        self.dispositionNotification = dispositionNotification
    }

    /// The first candidate, in `CandidateSource` order, that is one of `sent` (bare Message-IDs
    /// or envelope ids), with where it was found.
    public func match(_ sent: Set<String>) -> MatchCandidate? {
        for source in CandidateSource.allCases {
            if let candidate = candidates.first(where: { $0.source == source && sent.contains($0.messageID) }) { return candidate }
        }
        return nil
    }

    /// The id of the sent message this is about, if it names one of `sent`.
    public func matches(_ sent: Set<String>) -> String? {
        match(sent)?.messageID
    }
}
