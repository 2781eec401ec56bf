import PayChaseDomain
import PayChaseOutbox

/// One entry of the record as people read it, worked out once for `paychase log`, the service's
/// Record page and a claim's timeline.
public struct RecordListing: Sendable {
    /// Europe/London, `2026-11-22 22:40:58`.
    public var when: String
    /// `-` for an entry about the record itself.
    public var claimID: String
    public var kind: RecordEntry.Kind
    /// `Email accepted by the server`.
    public var what: String
    public var document: String
    /// Who it went to.
    public var to: String
    /// Who it went to, or for what came back and a payment, who it came from.
    public var party: String
    /// The server's reply or what the entry says, on one line.
    public var detail: String
    /// Who made the entry (a signed-in user, the operating-system user, `worker`); `-` in lines
    /// written before PayChase said.
    public var by: String

    public init(_ line: RecordLine) {
        when = RecordTime.parse(line.time).map(LondonTime.clock) ?? line.time
        claimID = line.entry.claimID ?? "-"
        kind = line.entry.kind
        what = kind.title
        document = line.entry.document
        to = line.entry.recipients.joined(separator: ", ")
        switch line.entry {
        case .paymentReceived(let payment): party = payment.payer
        case .mailReturned(let mail): party = mail.from
        case .partnersDecision(let decision): party = decision.from
        case .paused(let pause): party = pause.from
        case .resumed(let resume): party = resume.from
        case .email, .sentItemsCopy, .letterPosted, .repair: party = to
        }
        detail = line.entry.summary.replacingOccurrences(of: "\n", with: " / ")
        by = line.by ?? "-"
    }
}

extension RecordEntry.Kind {
    /// `Email accepted by the server`, `Read receipt`.
    public var title: String {
        switch self {
        case .accepted: "Email accepted by the server"
        case .deferred: "Email deferred"
        case .refused: "Email refused"
        case .uncertain: "Email held (uncertain)"
        case .confirmed: "Email confirmed delivered"
        case .posted: "Letter posted"
        case .repaired: "Record repaired"
        case .readReceipt: "Read receipt"
        case .deliveryStatus: "Delivery report"
        case .automaticReply: "Automatic reply"
        case .reply: "Reply"
        case .payment: "Payment received"
        case .sentItemsCopy: "Copy filed in Sent Items"
        case .decision: "Partners' decision recorded"
        case .paused: "Chasing paused"
        case .resumed: "Chasing resumed"
        }
    }
}
