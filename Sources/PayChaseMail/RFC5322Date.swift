import Foundation
import Synchronization

/// Dates as RFC 5322 writes them: `Sun, 22 Nov 2026 22:20:49 +0000`, in UK local time.
public enum RFC5322Date {
    private static let london: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        return calendar
    }()

    /// In Europe/London unless another `timeZone` is given.
    public static func format(_ date: Date, timeZone: TimeZone? = nil) -> String {
        guard timeZone == nil else { return compose(date, timeZone: timeZone) }
        // A batch of drafts is dated within a second or two: the text is worked out once a second.
        let second = Int64(date.timeIntervalSince1970.rounded(.down))
        if let known = lastInLondon.withLock({ $0 }), known.second == second { return known.text }
        let text = compose(date, timeZone: nil)
        lastInLondon.withLock { $0 = (second, text) }
        return text
    }

    private static let lastInLondon = Mutex<(second: Int64, text: String)?>(nil)

    private static func compose(_ date: Date, timeZone: TimeZone?) -> String {
        var calendar = london
        if let timeZone { calendar.timeZone = timeZone }
        let timeZone = calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let offset = timeZone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[c.weekday! - 1]), \(c.day!) \(months[c.month! - 1]) \(c.year!) "
            + "\(two(c.hour!)):\(two(c.minute!)):\(two(c.second!)) \(sign)\(two(abs(offset) / 60))\(two(abs(offset) % 60))"
    }
}
