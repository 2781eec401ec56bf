import Foundation
import PayChaseDomain

extension OutboxSession {
    /// What the record proves reached someone, per claim, dated in Europe/London: emails the
    /// server accepted (or the practice confirmed arrived) and letters recorded as posted.
    public func attempts() -> [String: [Attempt]] {
        var history: [String: [Attempt]] = [:]
        var days = LondonTime.Days()
        for index in records.indices {
            guard let attempt = Self.attempt(records[index], days: &days) else { continue }
            history[records[index].claimID, default: []].append(attempt)
        }
        return history
    }

    /// The newest email of `template` for `claimID` that reached the server, and its date.
    public func lastSent(claimID: String, template: String) -> (record: DeliveryRecord, date: CalendarDate)? {
        guard let record = records.last(where: { $0.claimID == claimID && $0.template == template && $0.outcome.reachedServer }),
            let instant = RecordTime.parse(record.time)
        else { return nil }
        return (record, LondonTime.date(of: instant))
    }

    /// The posting already recorded for exactly this letter (same claim, template and PDF).
    public func posting(claimID: String, template: String, sha256: String) -> DeliveryRecord? {
        records.first { $0.outcome == .posted && $0.claimID == claimID && $0.template == template && $0.sha256 == sha256 }
    }

    /// Queue ids the record shows the server has.
    var deliveredQueueIDs: Set<String> {
        Set(records.filter { $0.outcome.reachedServer }.map(\.queueID))
    }

    private static func attempt(_ record: DeliveryRecord, days: inout LondonTime.Days) -> Attempt? {
        let to = record.to.joined(separator: ", ")
        switch record.outcome {
        case .accepted, .confirmed:
            guard let instant = RecordTime.parse(record.time) else { return nil }
            return Attempt(template: record.template, date: days.date(of: instant), method: .email, to: to)
        case .posted:
            guard let text = record.postedOn, let date = try? CalendarDate(parsing: text) else { return nil }
            return Attempt(template: record.template, date: date, method: .post, to: to)
        case .deferred, .refused, .uncertain, .repaired, .readReceipt, .deliveryStatus, .automaticReply, .reply, .payment, .sentItemsCopy:
            return nil
        }
    }
}

extension DeliveryRecord.Outcome {
    /// The server accepted the message, or the practice confirmed it arrived.
    public var reachedServer: Bool { self == .accepted || self == .confirmed }
}
