/// A calendar date as the practice reads it (Europe/London), not an instant.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails for dates that do not exist, such as 31 February.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// ISO 8601: `2013-09-30`.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// UK style: `22 November 2026`.
    public var formatted: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    public func adding(days: Int) -> CalendarDate { Self(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The same day `years` later (29 February becomes 28 February).
    public func adding(years: Int) -> CalendarDate {
        let target = year + years
        return CalendarDate(year: target, month: month, day: min(day, Self.daysIn(month: month, year: target)))!
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01, for turning a date and a time of day into an instant without a Calendar.
    public var daysSince1970: Int { dayNumber }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }
}

extension CalendarDate {
    /// Why a date could not be read.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case unreadable(String)
        case twoDigitYear(String)
        case impossible(String)

        public var description: String {
            switch self {
            case .empty: "no date given"
            case .unreadable(let text): "'\(text)' is not a date (write 2013-09-30 or 30/09/2013, day first)"
            case .twoDigitYear(let text): "'\(text)' has a two-digit year; write the year in full"
            case .impossible(let text): "'\(text)' is not a real date"
            }
        }
    }

    /// Reads `2013-09-30` or UK order `30/09/2013` (also `30-09-2013`, `30.09.2013`). Never US order.
    public init(parsing raw: String) throws(ParseError) {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else { throw .empty }
        // `2013-09-30`, as the record and most files write it, and `30/09/2013` (or with `-` or
        // `.`), as Excel in England writes it: read straight from the digits.
        if let (year, month, day) = Self.plainParts(text) {
            guard let date = CalendarDate(year: year, month: month, day: day) else { throw .impossible(text) }
            self = date
            return
        }
        let isoParts = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers: [Substring]
        let yearFirst: Bool
        if isoParts.count == 3, isoParts[0].count == 4 {
            numbers = isoParts
            yearFirst = true
        } else {
            numbers = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
            yearFirst = false
        }
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }) else {
            throw .unreadable(text)
        }
        let values = numbers.map { Int($0)! }
        let (year, month, day) = yearFirst ? (values[0], values[1], values[2]) : (values[2], values[1], values[0])
        let yearDigits = yearFirst ? numbers[0].count : numbers[2].count
        if yearDigits <= 2 { throw .twoDigitYear(text) }
        guard yearDigits == 4, (yearFirst ? numbers[1...2] : numbers[0...1]).allSatisfy({ $0.count <= 2 }) else {
            throw .unreadable(text)
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else { throw .impossible(text) }
        self = date
    }
}

extension CalendarDate {
    /// Year, month and day of `yyyy-mm-dd` or `dd/mm/yyyy` (`/`, `-` or `.`), ten bytes; nil for anything else.
    private static func plainParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> (year: Int, month: Int, day: Int)? in
            guard bytes.count == 10 else { return nil }
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for byte in bytes[range] {
                    guard (48...57).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - 48)
                }
                return value
            }
            if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
                guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) else { return nil }
                return (year, month, day)
            }
            let separators: [UInt8] = [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: ".")]
            guard separators.contains(bytes[2]), separators.contains(bytes[5]), let day = digits(0..<2), let month = digits(3..<5),
                let year = digits(6..<10)
            else { return nil }
            return (year, month, day)
        } ?? nil
    }

    /// The same day `months` later, or the month's last day when it has fewer days.
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let (targetYear, targetMonth) = (index / 12, index % 12 + 1)
        return CalendarDate(year: targetYear, month: targetMonth, day: min(day, Self.daysIn(month: targetMonth, year: targetYear)))!
    }
}
