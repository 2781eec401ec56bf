/// Working days in England and Wales: not a Saturday, a Sunday or a bank holiday. The bank
/// holidays are worked out by their usual rules (New Year's Day, Good Friday, Easter Monday, the
/// first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, each
/// moved to a weekday when it falls at a weekend). A one-off holiday proclaimed for a year (a
/// coronation, a state funeral) is not known to it.
public enum WorkingDays {
    public static func isWorkingDay(_ date: CalendarDate) -> Bool {
        guard date.weekday < 5 else { return false }
        // Most days are nowhere near a bank holiday: the year's list is worked out only for those that may be.
        guard mayBeBankHoliday(date) else { return true }
        return !bankHolidays(in: date.year).contains(date)
    }

    /// Whether `date` is in a stretch where a bank holiday can fall: New Year (to the 3rd),
    /// Easter (Good Friday is never before 20 March, Easter Monday never after 26 April), May,
    /// the last week of August, and Christmas (to the 28th).
    static func mayBeBankHoliday(_ date: CalendarDate) -> Bool {
        switch date.month {
        case 1: date.day <= 3
        case 3: date.day >= 20
        case 4: date.day <= 26
        case 5: true
        case 8: date.day >= 25
        case 12: date.day >= 25 && date.day <= 28
        default: false
        }
    }

    /// The `count`th working day after `date`; for 0, `date` itself when it is a working day,
    /// else the next one.
    public static func after(_ date: CalendarDate, count: Int) -> CalendarDate {
        var day = date
        guard count > 0 else {
            while !isWorkingDay(day) { day = day.adding(days: 1) }
            return day
        }
        for _ in 0..<count {
            repeat { day = day.adding(days: 1) } while !isWorkingDay(day)
        }
        return day
    }

    /// The bank holidays of England and Wales in `year`, by their usual rules.
    public static func bankHolidays(in year: Int) -> Set<CalendarDate> {
        func date(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }
        func monday(onOrAfter start: CalendarDate) -> CalendarDate { start.adding(days: (7 - start.weekday) % 7) }
        func lastMonday(of month: Int) -> CalendarDate {
            let last = date(month, CalendarDate.daysIn(month: month, year: year))
            return last.adding(days: -last.weekday)
        }
        let easter = easterSunday(year)
        var days: Set<CalendarDate> = [
            date(1, 1).weekday < 5 ? date(1, 1) : monday(onOrAfter: date(1, 1)),
            easter.adding(days: -2),
            easter.adding(days: 1),
            monday(onOrAfter: date(5, 1)),
            lastMonday(of: 5),
            lastMonday(of: 8),
        ]
        // Christmas Day and Boxing Day: a holiday falling at a weekend moves to the next free weekday.
        var next = date(12, 25)
        for _ in 0..<2 {
            while next.weekday >= 5 || days.contains(next) { next = next.adding(days: 1) }
            days.insert(next)
            next = next.adding(days: 1)
        }
        return days
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm of 1876).
    static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }
}

extension CalendarDate {
    /// Monday 0 to Sunday 6.
    public var weekday: Int { ((dayNumber + 3) % 7 + 7) % 7 }
}
