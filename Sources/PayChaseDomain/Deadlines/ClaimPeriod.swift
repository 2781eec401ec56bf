/// A period a claim covers: a calendar month, a quarter of the NHS financial year (Q1 is April
/// to June) or a financial year (April to March), named as practices write them: `March 2026`,
/// `Q2 2026/27`, `2025/26`.
public struct ClaimPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let frequency: ClaimFrequency
    public let start: CalendarDate
    public let end: CalendarDate

    /// The month that holds `date`.
    public static func month(of date: CalendarDate) -> ClaimPeriod {
        let start = CalendarDate(year: date.year, month: date.month, day: 1)!
        return ClaimPeriod(frequency: .monthly, start: start, end: start.adding(months: 1).adding(days: -1))
    }

    /// The quarter of the financial year that holds `date`.
    public static func quarter(of date: CalendarDate) -> ClaimPeriod {
        let first = date.month - (date.month - 1) % 3
        let start = CalendarDate(year: date.year, month: first, day: 1)!
        return ClaimPeriod(frequency: .quarterly, start: start, end: start.adding(months: 3).adding(days: -1))
    }

    /// The financial year (1 April to 31 March) that holds `date`.
    public static func financialYear(of date: CalendarDate) -> ClaimPeriod {
        let year = date.month >= 4 ? date.year : date.year - 1
        return ClaimPeriod(
            frequency: .yearly,
            start: CalendarDate(year: year, month: 4, day: 1)!,
            end: CalendarDate(year: year + 1, month: 3, day: 31)!
        )
    }

    /// The period of `frequency` that holds `date`; nil for a service claimed per item.
    public static func containing(_ date: CalendarDate, frequency: ClaimFrequency) -> ClaimPeriod? {
        switch frequency {
        case .monthly: month(of: date)
        case .quarterly: quarter(of: date)
        case .yearly: financialYear(of: date)
        case .perItem: nil
        }
    }

    /// The period after this one.
    public var next: ClaimPeriod { Self.containing(end.adding(days: 1), frequency: frequency)! }

    /// How many calendar months this period spans: 1, 3 or 12.
    public var months: Int { (end.year - start.year) * 12 + end.month - start.month + 1 }

    /// Whether a claim for this period covers all of `other` (a year's claim covers its quarters).
    public func covers(_ other: ClaimPeriod) -> Bool { start <= other.start && end >= other.end }

    /// `2026/27` for the financial year starting in April 2026.
    private static func yearLabel(startingIn year: Int) -> String {
        let next = (year + 1) % 100
        return "\(year)/\(next < 10 ? "0" : "")\(next)"
    }

    /// `March 2026`, `Q2 2026/27`, `2025/26`.
    public var description: String {
        switch frequency {
        case .monthly: "\(CalendarDate.monthNames[start.month - 1]) \(start.year)"
        case .quarterly:
            "Q\(((start.month + 8) % 12) / 3 + 1) \(Self.yearLabel(startingIn: start.month >= 4 ? start.year : start.year - 1))"
        case .yearly, .perItem: Self.yearLabel(startingIn: start.year)
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}
