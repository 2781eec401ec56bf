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
}
