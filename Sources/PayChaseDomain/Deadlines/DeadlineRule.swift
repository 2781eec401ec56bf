/// When a period's claim (or its evidence) is due, as `services.csv` words it. Deadlines are
/// inclusive: a claim made on the day is on time.
public enum DeadlineRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `30 days after period end`, `within 30 days`, `period end` (0 days).
    case daysAfterEnd(Int)
    /// `end of next month` (1), `end of the month after next` (2): the last day of the month
    /// so many months after the period's last month.
    case endOfMonthAfter(Int)
    /// `31 March`: the first such day on or after the period's last day.
    case dayOfYear(month: Int, day: Int)

    /// The last day a claim for `period` is on time.
    public func deadline(for period: ClaimPeriod) -> CalendarDate {
        switch self {
        case .daysAfterEnd(let days):
            return period.end.adding(days: days)
        case .endOfMonthAfter(let months):
            let first = CalendarDate(year: period.end.year, month: period.end.month, day: 1)!.adding(months: months)
            return CalendarDate(year: first.year, month: first.month, day: CalendarDate.daysIn(month: first.month, year: first.year))!
        case .dayOfYear(let month, let day):
            for year in period.end.year...(period.end.year + 1) {
                let limit = min(day, CalendarDate.daysIn(month: month, year: year))
                let candidate = CalendarDate(year: year, month: month, day: limit)!
                if candidate >= period.end { return candidate }
            }
            return period.end
        }
    }

    /// `30 days after the period ends`, `by the end of the next month`, `by 31 March`.
    public var description: String {
        switch self {
        case .daysAfterEnd(0): "by the period's last day"
        case .daysAfterEnd(let days): "within \(days) day\(days == 1 ? "" : "s") of the period's end"
        case .endOfMonthAfter(1): "by the end of the next month"
        case .endOfMonthAfter(let months): "by the end of the \(months)\(Self.ordinalSuffix(months)) month after"
        case .dayOfYear(let month, let day): "by \(day) \(CalendarDate.monthNames[month - 1])"
        }
    }

    private static func ordinalSuffix(_ number: Int) -> String {
        switch number % 10 {
        case 2 where number % 100 != 12: "nd"
        case 3 where number % 100 != 13: "rd"
        default: "th"
        }
    }

    /// What a rule may be written as, for messages.
    public static let forms = "'30 days after period end', 'period end', 'end of next month', 'end of month 2 after' or a day such as '31 March'"

    /// Reads the forms `forms` lists; nil when the text is none of them.
    public init?(parsing text: String) {
        let words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
            .filter { !["the", "by", "of", "s"].contains($0) }
        let joined = words.joined(separator: " ")
        if joined == "period end" || joined == "end period" || joined == "0 days after period end" {
            self = .daysAfterEnd(0)
        } else if ["end next month", "end following month", "end month after"].contains(joined) {
            self = .endOfMonthAfter(1)
        } else if words.count == 4, words[0] == "end", words[1] == "month", words[3] == "after", let months = Int(words[2]), (1...24).contains(months)
        {
            self = .endOfMonthAfter(months)
        } else if let days = Self.days(words) {
            self = .daysAfterEnd(days)
        } else if words.count == 2, let day = Int(words[0]) ?? Int(words[1]),
            let month = CalendarDate.monthNames.firstIndex(where: { $0.lowercased() == (Int(words[0]) == nil ? words[0] : words[1]) }),
            (1...CalendarDate.daysIn(month: month + 1, year: 2028)).contains(day)
        {
            self = .dayOfYear(month: month + 1, day: day)
        } else {
            return nil
        }
    }

    /// `30 days after period end`, `within 30 days`, `30 days after end`, `end + 30 days`.
    private static func days(_ words: [String]) -> Int? {
        var rest = words
        if rest.first == "within" { rest.removeFirst() }
        if rest.first == "end", rest.count > 1, rest[1] == "+" { rest.removeFirst(2) }
        guard let first = rest.first, let days = Int(first), (0...730).contains(days), rest.count >= 2,
            rest[1] == "days" || rest[1] == "day"
        else { return nil }
        let tail = rest.dropFirst(2).joined(separator: " ")
        return ["", "after period end", "after end", "after period", "after period ends", "from period end"].contains(tail) ? days : nil
    }
}
