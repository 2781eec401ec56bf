import Foundation
import PayChaseDomain

extension OutboxSession {
    /// What came back and what was paid, per claim, from the record in order: a later email
    /// clears an earlier bounce (the address was fixed and the document sent again), and a
    /// bounce that arrives late about an email sent before the newest one does not bring it back.
    public func feedback() -> [String: ClaimFeedback] {
        var all: [String: ClaimFeedback] = [:]
        var newest: [String: String] = [:]
        var days = LondonTime.Days()
        // By index, so each entry is read in place rather than copied whole.
        for index in records.indices {
            let claimID = records[index].claimID
            let outcome = records[index].outcome
            let date = RecordTime.parse(records[index].time).map { days.date(of: $0) }
            switch outcome {
            case .accepted, .confirmed:
                all[claimID, default: ClaimFeedback()].bounced = nil
                newest[claimID] = records[index].messageID
            case .deliveryStatus:
                guard let date, let receipt = records[index].receipt else { break }
                switch receipt.action {
                case "failed"? where newest[claimID] == records[index].messageID:
                    all[claimID, default: ClaimFeedback()].bounced = .init(date: date, template: records[index].template, status: receipt.status)
                case "delivered"?, "relayed"?, "expanded"?:
                    all[claimID, default: ClaimFeedback()].delivered = date
                default:
                    break
                }
            case .readReceipt:
                if let date, records[index].receipt?.disposition == "displayed" { all[claimID, default: ClaimFeedback()].read = date }
            case .reply:
                all[claimID, default: ClaimFeedback()].replied = date
            case .automaticReply:
                all[claimID, default: ClaimFeedback()].automaticReply = date
            case .payment:
                // The day it arrived, or else the day it was recorded.
                guard let facts = records[index].payment,
                    let received = (try? CalendarDate(parsing: facts.receivedOn)) ?? date
                else { break }
                all[claimID, default: ClaimFeedback()].payments.append(
                    RecordedPayment(amount: Money(pence: facts.pence), receivedOn: received, reference: facts.reference)
                )
            case .deferred, .refused, .uncertain, .posted, .repaired, .sentItemsCopy:
                break
            }
            if all[claimID] == nil { all[claimID] = ClaimFeedback() }
        }
        return all
    }

    /// Receipts already recorded, by the SHA-256 of their bytes: reading one again records nothing.
    public var recordedReceipts: Set<String> {
        Set(records.filter { $0.receipt != nil }.map(\.sha256))
    }

    /// Every email the server accepted (or the practice confirmed), by Message-ID.
    public var sentByMessageID: [String: DeliveryRecord] {
        var sent: [String: DeliveryRecord] = [:]
        for record in records where record.outcome.reachedServer && !record.messageID.isEmpty { sent[record.messageID] = record }
        return sent
    }
}
