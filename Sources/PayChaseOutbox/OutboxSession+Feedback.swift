import Foundation
import PayChaseDomain

extension OutboxSession {
    /// What came back and what was paid, per claim, from the record in order: a later email
    /// clears an earlier bounce (the address was fixed and the document sent again), and a
    /// bounce that arrives late about an email sent before the newest one does not bring it back.
    public func feedback() -> [String: ClaimFeedback] {
        var all: [String: ClaimFeedback] = [:]
        var newest: [String: String] = [:]
        for record in records {
            var feedback = all[record.claimID] ?? ClaimFeedback()
            let date = RecordTime.parse(record.time).map(LondonTime.date(of:))
            switch record.outcome {
            case .accepted, .confirmed:
                feedback.bounced = nil
                newest[record.claimID] = record.messageID
            case .deliveryStatus:
                guard let date, let receipt = record.receipt else { break }
                switch receipt.action {
                case "failed"? where newest[record.claimID] == record.messageID:
                    feedback.bounced = .init(date: date, template: record.template, status: receipt.status)
                case "delivered"?, "relayed"?, "expanded"?:
                    feedback.delivered = date
                default:
                    break
                }
            case .readReceipt:
                if let date, record.receipt?.disposition == "displayed" { feedback.read = date }
            case .reply:
                feedback.replied = date
            case .automaticReply:
                feedback.automaticReply = date
            case .payment:
                // The day it arrived, or else the day it was recorded.
                guard let facts = record.payment,
                      let received = (try? CalendarDate(parsing: facts.receivedOn)) ?? date else { break }
                feedback.payments.append(RecordedPayment(amount: Money(pence: facts.pence), receivedOn: received, reference: facts.reference))
            case .deferred, .refused, .uncertain, .posted, .repaired:
                break
            }
            all[record.claimID] = feedback
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
