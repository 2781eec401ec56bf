import Foundation
import PayChaseDomain
import PayChaseOutbox

/// What the delivery log proves was sent, as the escalation ladder and the templates see it.
enum DeliveryHistory {
    /// Accepted (or confirmed) documents per claim, dated in Europe/London.
    static func attempts(in log: DeliveryLog) -> [String: [Attempt]] {
        var history: [String: [Attempt]] = [:]
        for record in log.entries() where record.outcome == .accepted || record.outcome == .confirmed {
            guard let date = londonDate(record.time) else { continue }
            history[record.claimID, default: []].append(Attempt(template: record.template, date: date))
        }
        return history
    }

    static func londonDate(_ isoTime: String) -> CalendarDate? {
        parse(isoTime).map { Today.inLondon($0) }
    }

    static func parse(_ isoTime: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: isoTime)
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
