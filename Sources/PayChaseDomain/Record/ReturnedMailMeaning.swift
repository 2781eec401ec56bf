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
