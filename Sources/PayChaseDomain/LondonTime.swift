import Foundation

/// Instants as the practice reads them: the calendar date and clock time in Europe/London.
public enum LondonTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        return calendar
    }()

    /// The date in London at `instant`.
    public static func date(of instant: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// `2026-11-22 22:40:58`, London time.
    public static func clock(_ instant: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        func pad(_ value: Int, _ width: Int = 2) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(pad(c.year!, 4))-\(pad(c.month!))-\(pad(c.day!)) \(pad(c.hour!)):\(pad(c.minute!)):\(pad(c.second!))"
    }

    /// `28 March 2026 09:14`, London time, as a letter gives a moment.
    public static func dayAndTime(_ instant: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: instant)
        return "\(date(of: instant).formatted) \(c.hour! < 10 ? "0" : "")\(c.hour!):\(c.minute! < 10 ? "0" : "")\(c.minute!)"
    }
}

extension LondonTime {
    /// London dates of many instants, each UTC hour worked out once: London's offset from UTC
    /// changes only on the hour, so every instant of a UTC hour falls on the same London date.
    public struct Days: Sendable {
        private var byHour: [Int: CalendarDate] = [:]

        public init() {}

        public mutating func date(of instant: Date) -> CalendarDate {
            let hour = Int((instant.timeIntervalSince1970 / 3_600).rounded(.down))
            if let date = byHour[hour] { return date }
            let date = LondonTime.date(of: instant)
            byHour[hour] = date
            return date
        }
    }
}
