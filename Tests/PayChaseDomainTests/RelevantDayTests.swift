import PayChaseDomain
import Testing

/// Issue 19.4: the relevant day of section 4 of the Late Payment Act, from which statutory
/// interest runs the day after. Every paymaster is a public authority, so the 30-day period
/// (beginning with the later of the service and the invoice) caps an agreed payment day (s4(2D)).
struct RelevantDayTests {
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var submitted: String
        var invoice: String?
        var due: String?
        var relevant: String
        var basis: RelevantDay.Basis
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no agreed day: day 30 of the period, not day 31", submitted: "2026-07-10", relevant: "2026-08-08", basis: .thirtyDaysNoneAgreed),
        Case(name: "an agreed day inside the 30 days stands", submitted: "2026-07-10", due: "2026-07-20", relevant: "2026-07-20", basis: .agreed),
        Case(name: "the agreed day is day 30 itself", submitted: "2026-07-10", due: "2026-08-08", relevant: "2026-08-08", basis: .agreed),
        Case(
            name: "an agreed day past the 30 days gives way (public authority)",
            submitted: "2026-07-10",
            due: "2026-09-30",
            relevant: "2026-08-08",
            basis: .thirtyDaysEarlierThanAgreed
        ),
        Case(
            name: "an invoice after the service starts the period",
            submitted: "2026-07-10",
            invoice: "2026-07-20",
            relevant: "2026-08-18",
            basis: .thirtyDaysNoneAgreed
        ),
        Case(
            name: "an invoice before the service does not",
            submitted: "2026-07-10",
            invoice: "2026-07-01",
            relevant: "2026-08-08",
            basis: .thirtyDaysNoneAgreed
        ),
        Case(
            name: "the period across a month end: beginning 1 January, day 30 is 30 January",
            submitted: "2027-01-01",
            relevant: "2027-01-30",
            basis: .thirtyDaysNoneAgreed
        ),
    ]

    @Test(arguments: cases)
    func relevantDay(_ item: Case) {
        let claim = Claim(
            id: "P1",
            service: "NHS Health Checks",
            category: .publicHealth,
            period: "Q1",
            amount: Money(pence: 215_000),
            submittedOn: Self.date(item.submitted),
            dueOn: item.due.map(Self.date),
            invoiceDate: item.invoice.map(Self.date)
        )
        let relevant = RelevantDay(for: claim)
        #expect(relevant.day == Self.date(item.relevant))
        #expect(relevant.basis == item.basis)
    }

    @Test func anAssumedDueDateIsNoAgreedPaymentDay() {
        let approved = Claim(
            id: "P2",
            service: "NHS Health Checks",
            category: .publicHealth,
            period: "Q1",
            amount: Money(pence: 100_000),
            submittedOn: Self.date("2026-07-10"),
            approvedOn: Self.date("2026-07-12")
        )
        #expect(approved.dueBasis == .assumedAfterApproval)
        #expect(RelevantDay(for: approved).basis == .thirtyDaysNoneAgreed)
        #expect(RelevantDay(for: approved).day == Self.date("2026-08-08"))
    }

    /// Interest runs from the day after the relevant day, counts both ends, and "a day from" the
    /// letter's date starts the next day: no day is counted twice.
    @Test func interestCountsEachDayOnce() throws {
        let claim = Claim(
            id: "P3",
            service: "NHS Health Checks",
            category: .publicHealth,
            period: "Q1",
            amount: Money(pence: 215_000),
            submittedOn: Self.date("2026-07-10")
        )
        let practice = Practice(
            name: "R",
            odsCode: "F84001",
            contract: .gms,
            nhsBody: true,
            address: [],
            phone: "0",
            email: "m@r.example",
            signatory: Signatory(name: "J", role: "M")
        )
        let rates = BankRateTable(
            changes: [.init(from: Self.date("2025-12-18"), basisPoints: 375)],
            source: "test",
            checkedThrough: Self.date("2026-06-30")
        )
        let interest = try #require(StatutoryInterest(accruedOn: claim, practice: practice, asOf: Self.date("2026-12-05"), rates: rates))
        #expect(interest.relevantDay?.day == Self.date("2026-08-08"))
        #expect(interest.from == Self.date("2026-08-09"))
        #expect(interest.to == Self.date("2026-12-05"))
        #expect(interest.days == 119, "9 August to 5 December, both counted")
        #expect(interest.continuesFrom == Self.date("2026-12-06"), "the daily interest after the total starts the next day")
        #expect(interest.dailyInterest == Money(pence: 69), "£2,150 at 11.75%: £0.69 a day")
    }
}
