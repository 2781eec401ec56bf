/// Where a candidate was found, most trustworthy first: fields a mail system writes about the
/// original, then the original's own header returned, then the threading fields any reply has.
/// Never the Subject or the body text, which anyone can write anything in.
public enum CandidateSource: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// Original-Message-ID in a read receipt (or a delivery report that adds it).
    case originalMessageID
    /// Message-ID of a returned message/rfc822 or text/rfc822-headers part.
    case returnedHeaders
    /// Original-Envelope-Id (ENVID) in a delivery report.
    case envelopeID
    case inReplyTo
    /// References, newest first: the last one is the message replied to.
    case references

    public static func < (lhs: CandidateSource, rhs: CandidateSource) -> Bool { lhs.rawValue < rhs.rawValue }
}
