import PayChaseDomain
import Testing

struct CalendarDateTests {
    @Test(arguments: ["2013-09-30", "30/09/2013", "30/9/2013", "30-09-2013", "30.09.2013", " 30/09/2013 "])
    func readsISOAndUKOrder(text: String) throws {
        let date = try CalendarDate(parsing: text)
        #expect(date == CalendarDate(year: 2013, month: 9, day: 30))
    }

    @Test func neverReadsUSOrder() throws {
        #expect(try CalendarDate(parsing: "04/05/2014") == CalendarDate(year: 2014, month: 5, day: 4))
        #expect(throws: CalendarDate.ParseError.impossible("09/30/2013")) { try CalendarDate(parsing: "09/30/2013") }
    }

    @Test func refusesImpossibleAndAmbiguousDates() {
        #expect(throws: CalendarDate.ParseError.impossible("31/02/2014")) { try CalendarDate(parsing: "31/02/2014") }
        #expect(throws: CalendarDate.ParseError.impossible("2014-02-29")) { try CalendarDate(parsing: "2014-02-29") }
        #expect(throws: CalendarDate.ParseError.twoDigitYear("30/09/13")) { try CalendarDate(parsing: "30/09/13") }
        #expect(throws: CalendarDate.ParseError.unreadable("Sept 30")) { try CalendarDate(parsing: "Sept 30") }
        #expect(throws: CalendarDate.ParseError.empty) { try CalendarDate(parsing: "") }
    }

    @Test func leapDaysExist() throws {
        #expect(try CalendarDate(parsing: "29/02/2016").formatted == "29 February 2016")
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test func formatsTheUKWay() {
        #expect(CalendarDate(year: 2026, month: 11, day: 22)!.formatted == "22 November 2026")
        #expect(CalendarDate(year: 2013, month: 9, day: 3)!.formatted == "3 September 2013")
        #expect(CalendarDate(year: 2013, month: 9, day: 3)!.description == "2013-09-03")
    }

    @Test func countsDaysAcrossMonthsAndYears() {
        let start = CalendarDate(year: 2013, month: 9, day: 30)!
        #expect(start.adding(days: 30) == CalendarDate(year: 2013, month: 10, day: 30))
        #expect(start.adding(days: 100) == CalendarDate(year: 2014, month: 1, day: 8))
        #expect(start.days(until: CalendarDate(year: 2014, month: 9, day: 30)!) == 365)
        #expect(CalendarDate(year: 2016, month: 2, day: 29)!.adding(years: 3) == CalendarDate(year: 2019, month: 2, day: 28))
    }
}
