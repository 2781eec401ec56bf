extension ClaimPeriod {
    /// Reads a claim's period as practices write it: `Q2 2026/27`, `2026/27 Q2`, `Q2 2026-27`,
    /// `2025/26`, `FY 2025/2026`, `March 2026`, `Mar 2026`, `2026-03`, `03/2026`. Nil for what
    /// is not one of these (`Aug–Sep 2026`, `2026`): such a claim covers no period it can be
    /// counted against.
    public init?(parsing text: String) {
        let words = text.lowercased().replacingOccurrences(of: "–", with: "-").split(whereSeparator: { $0 == " " || $0 == "," })
            .map(String.init).filter { $0 != "fy" }
        var quarter: Int?
        var year: Int?
        var month: Int?
        var calendarYear: Int?
        for word in words {
            if word.count == 2, word.hasPrefix("q"), let number = Int(word.dropFirst()), (1...4).contains(number), quarter == nil {
                quarter = number
            } else if let first = Self.financialYear(word), year == nil {
                year = first
            } else if let number = Self.monthNumber(word), month == nil {
                month = number
            } else if let (y, m) = Self.numericMonth(word), month == nil {
                (calendarYear, month) = (y, m)
            } else if word.count == 4, let number = Int(word), (1990...2200).contains(number), calendarYear == nil {
                calendarYear = number
            } else {
                return nil
            }
        }
        switch (quarter, year, month, calendarYear) {
        case (let q?, let y?, nil, nil):
            // Q1 starts in April of the year's first calendar year; Q4 in the January after.
            let startMonth = q == 4 ? 1 : 4 + (q - 1) * 3
            self = .quarter(of: CalendarDate(year: q == 4 ? y + 1 : y, month: startMonth, day: 1)!)
        case (nil, let y?, nil, nil):
            self = .financialYear(of: CalendarDate(year: y, month: 4, day: 1)!)
        case (nil, nil, let m?, let y?):
            self = .month(of: CalendarDate(year: y, month: m, day: 1)!)
        default:
            return nil
        }
    }

    /// `2026/27`, `2026-27`, `2026/2027`: the first calendar year, when the second follows it.
    private static func financialYear(_ word: String) -> Int? {
        let parts =
            word.split(separator: "/", omittingEmptySubsequences: false).count == 2
            ? word.split(separator: "/") : word.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let first = Int(parts[0]), let second = Int(parts[1]), (1990...2200).contains(first) else {
            return nil
        }
        switch parts[1].count {
        case 2: return second == (first + 1) % 100 ? first : nil
        case 4: return second == first + 1 ? first : nil
        default: return nil
        }
    }

    /// `2026-03` or `03/2026`.
    private static func numericMonth(_ word: String) -> (Int, Int)? {
        let dash = word.split(separator: "-")
        if dash.count == 2, dash[0].count == 4, let y = Int(dash[0]), let m = Int(dash[1]), dash[1].count == 2, (1...12).contains(m) { return (y, m) }
        let slash = word.split(separator: "/")
        if slash.count == 2, slash[1].count == 4, let m = Int(slash[0]), let y = Int(slash[1]), (1...12).contains(m) { return (y, m) }
        return nil
    }

    /// `march`, `mar`, `sept`.
    private static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        if word == "sept" { return 9 }
        return CalendarDate.monthNames.firstIndex { name in
            let lower = name.lowercased()
            return lower == word || (word.count == 3 && lower.hasPrefix(word))
        }.map { $0 + 1 }
    }
}
