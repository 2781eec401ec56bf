import PayChaseDomain
import PayChaseOutbox

/// One record entry as the claim's timeline and the record page show it.
struct RecordRow {
    var number: Int
    var when: String
    var claimID: String
    var kind: String
    var what: String
    var document: String
    var party: String
    var detail: String

    init(_ record: DeliveryRecord, number: Int) {
        self.number = number
        when = RecordTime.parse(record.time).map(LondonTime.clock) ?? record.time
        claimID = record.claimID
        kind = record.outcome.rawValue
        what = Self.what(record.outcome)
        document = record.template
        switch record.outcome {
        case .payment, .readReceipt, .deliveryStatus, .automaticReply, .reply: party = record.from
        default: party = record.to.joined(separator: ", ")
        }
        detail = record.reply.replacingOccurrences(of: "\n", with: " / ")
    }

    static func what(_ outcome: DeliveryRecord.Outcome) -> String {
        switch outcome {
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
        }
    }
}
