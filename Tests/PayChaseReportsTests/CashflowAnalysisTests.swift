import PayChaseDomain
import PayChaseReports
import Testing

/// Fixed claims as of 22 November 2026; every expected figure is worked by hand in a comment.
struct CashflowAnalysisTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 22)!

    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    static func claim(
        _ id: String,
        _ category: Category,
        amount: Int64,
        paid: Int64 = 0,
        submitted: String = "2026-04-01",
        due: String
    ) -> Claim {
        Claim(
            id: id,
            service: "Service \(id)",
            category: category,
            period: "2026/27",
            amount: Money(pence: amount),
            paid: Money(pence: paid),
            submittedOn: date(submitted),
            dueOn: date(due)
        )
    }

    static let rates = BankRateTable(
        changes: [
            .init(from: date("2025-05-08"), basisPoints: 425), .init(from: date("2025-08-07"), basisPoints: 400),
            .init(from: date("2025-12-18"), basisPoints: 375),
        ],
        source: "test",
        checkedThrough: date("2026-12-31")
    )

    static func practice(nhsBody: Bool) -> Practice {
        Practice(
            name: "Riverside",
            odsCode: "F84001",
            contract: .gms,
            nhsBody: nhsBody,
            address: [],
            phone: "",
            email: "m@r.example",
            signatory: Signatory(name: "Jane Doe", role: "Practice Manager")
        )
    }

    /// The claims with the payments recorded counted as paid, as the jobs' RecordView does.
    static func ledger(_ claims: [Claim], payments: [String: [RecordedPayment]], nhsBody: Bool = true) -> PracticeLedger {
        var feedback: [String: ClaimFeedback] = [:]
        for (id, list) in payments { feedback[id, default: ClaimFeedback()].payments = list }
        let counted = claims.map { claim in
            var claim = claim
            claim.paid = claim.paid + (feedback[claim.id]?.paymentsRecorded ?? .zero)
            return claim
        }
        return PracticeLedger(name: "Riverside", practice: practice(nhsBody: nhsBody), claims: counted, feedback: feedback)
    }

    static func paid(_ pence: Int64, on text: String) -> RecordedPayment { RecordedPayment(amount: Money(pence: pence), receivedOn: date(text)) }

    static let book = ledger(
        [
            claim("A", .des, amount: 100_000, due: "2026-10-23"),  // 30 days late: Oct 23→31 is 8, +22
            claim("B", .des, amount: 200_000, paid: 50_000, submitted: "2026-09-01", due: "2026-10-22"),  // 31 days; part-paid
            claim("C", .des, amount: 30_000, submitted: "2026-11-02", due: "2026-11-22"),  // due today: not yet due
            claim("D", .publicHealth, amount: 40_000, due: "2026-11-21"),  // 1 day late
            claim("E", .des, amount: 70_000, paid: 70_000, due: "2026-05-01"),  // paid in full in the claims file
            claim("F", .publicHealth, amount: 500_000, due: "2026-05-25"),  // 181 days: May 6 + 30+31+31+30+31 + 22
            claim("G", .publicHealth, amount: 10_000, due: "2026-05-26"),  // 180 days
            claim("H", .les, amount: 60_000, submitted: "2026-11-10", due: "2026-11-30"),
            claim("I", .les, amount: 80_000, submitted: "2026-11-10", due: "2027-01-31"),
            claim("J", .les, amount: 90_000, submitted: "2026-11-10", due: "2027-02-01"),  // beyond the three months
            claim("K", .qof, amount: 100_000, submitted: "2025-11-30", due: "2026-06-01"),
        ],
        payments: [
            "B": [paid(25_000, on: "2026-11-01")],  // 10 days after due
            "K": [paid(40_000, on: "2026-06-15"), paid(60_000, on: "2026-05-25")],  // 14 days late, 7 early
        ]
    )

    @Test func bucketsChangeOnTheDayAfter30AndAfter180() {
        #expect(AgeBucket(daysOverdue: 0) == .notYetDue)
        #expect(AgeBucket(daysOverdue: 1) == .days1to30)
        #expect(AgeBucket(daysOverdue: 30) == .days1to30)
        #expect(AgeBucket(daysOverdue: 31) == .days31to60)
        #expect(AgeBucket(daysOverdue: 60) == .days31to60)
        #expect(AgeBucket(daysOverdue: 61) == .days61to90)
        #expect(AgeBucket(daysOverdue: 91) == .days91to180)
        #expect(AgeBucket(daysOverdue: 180) == .days91to180)
        #expect(AgeBucket(daysOverdue: 181) == .over180)
    }

    @Test func agesWhatIsOwedPerPaymaster() throws {
        let analysis = CashflowAnalysis(ledgers: [Self.book], asOf: Self.asOf, rates: Self.rates)
        let icb = try #require(analysis.agedDebt.first { $0.paymaster == .icb })
        #expect(icb[.notYetDue] == Money(pence: 30_000 + 60_000 + 80_000 + 90_000))  // C, H, I, J
        #expect(icb[.days1to30] == Money(pence: 100_000))  // A, day 30
        #expect(icb[.days31to60] == Money(pence: 125_000))  // B, day 31: £2,000 − £500 paid − £250 recorded
        #expect(icb.total == Money(pence: 485_000))  // E and K are paid in full
        #expect(icb.claims == 6)  // A, B, C, H, I, J
        #expect(icb.interest == .zero, "an NHS contract: the Late Payment Act does not apply")
        let council = try #require(analysis.agedDebt.first { $0.paymaster == .localAuthority })
        #expect(council[.days1to30] == Money(pence: 40_000))  // D
        #expect(council[.days91to180] == Money(pence: 10_000))  // G, day 180
        #expect(council[.over180] == Money(pence: 500_000))  // F, day 181
        // D, F and G were claimed on 1 April: the council is a public authority, so the 30 days
        // beginning with the claim end on 30 April, before each agreed day, and that is the relevant
        // day (s4(2D)). Interest runs from 1 May to 22 November, 206 days, at 3.75% (31 Dec 2025) + 8%:
        // D 40,000 × 1175 × 206 / 3,650,000 = 2,652.6 → £26.53; F 500,000 × … = 33,157.5 → £331.58;
        // G 10,000 × … = 663.2 → £6.63.
        #expect(council.interest == Money(pence: 2_653 + 33_158 + 663))
        #expect(council.fixedSums == Money(pence: 4_000 + 7_000 + 4_000))
        let all = try #require(analysis.agedDebtTotals.last)
        #expect(all.paymaster == nil)
        #expect(all.total == Money(pence: 485_000 + 550_000))
        #expect(all.overdue == Money(pence: 225_000 + 550_000))
    }

    @Test func interestRunsToTheDayAtTheRateOfTheReferenceDateThroughABankRateChange() throws {
        // Claimed 1 October 2025 with 30 November agreed: the public authority's 30 days end on
        // 30 October (s4(2D)), so interest runs from 31 October at 4.25% (in force on the reference
        // date, 30 June 2025) + 8% = 12.25%, although the Bank Rate fell to 3.75% on 18 December.
        // 31 January 2026 is day 93 (1 + 30 + 31 + 31): 1,000,000 × 1225 × 93 / 3,650,000 = 31,212.3
        // → £312.12, and £100 fixed (a debt of £10,000).
        let debt = Self.claim("X", .des, amount: 1_000_000, submitted: "2025-10-01", due: "2025-11-30")
        let ledger = Self.ledger([debt], payments: [:], nhsBody: false)
        let analysis = CashflowAnalysis(ledgers: [ledger], asOf: Self.date("2026-01-31"), rates: Self.rates)
        let row = try #require(analysis.agedDebt.first)
        #expect(row.interest == Money(pence: 31_212))
        #expect(row.fixedSums == Money(pence: 10_000))
        let oldest = try #require(analysis.oldest.first?.interest)
        #expect(oldest.rateBasisPoints == 1225)
        #expect(oldest.days == 93)
    }

    @Test func monthsCountClaimsByTheDayClaimedAndPaymentsByTheDayReceived() {
        let analysis = CashflowAnalysis(ledgers: [Self.book], asOf: Self.asOf, rates: nil)
        #expect(analysis.months.map(\.month.description).first == "2025-12")
        #expect(analysis.months.map(\.month.description).last == "2026-11")
        func month(_ name: String) -> CashflowAnalysis.MonthFlow { analysis.months.first { $0.month.description == name }! }
        // April: A, D, E, F, G (£1,000 + £400 + £700 + £5,000 + £100); K in November 2025 is outside.
        #expect(month("2026-04").claimed == Money(pence: 720_000))
        #expect(month("2026-09").claimed == Money(pence: 200_000))  // B
        #expect(month("2026-11").claimed == Money(pence: 30_000 + 60_000 + 80_000 + 90_000))  // C, H, I, J
        #expect(month("2026-11").received == Money(pence: 25_000))  // B's recorded payment
        #expect(month("2026-06").received == Money(pence: 40_000))
        #expect(month("2026-05").received == Money(pence: 60_000))
        #expect(analysis.undatedPaid == Money(pence: 50_000 + 70_000), "the claims file's paid for B and E has no date")
    }

    @Test func expectsWhatFallsDueInTheNextThreeMonths() {
        let analysis = CashflowAnalysis(ledgers: [Self.book], asOf: Self.asOf, rates: nil)
        #expect(analysis.expected.map(\.from.description) == ["2026-11-22", "2026-12-01", "2027-01-01"])
        #expect(analysis.expected.map(\.to.description) == ["2026-11-30", "2026-12-31", "2027-01-31"])
        // C (due today) and H; nothing in December; I on 31 January; J on 1 February is beyond.
        #expect(analysis.expected.map(\.amount) == [Money(pence: 90_000), .zero, Money(pence: 80_000)])
    }

    @Test func averagesTheDaysFromDueToEachRecordedPayment() throws {
        let analysis = CashflowAnalysis(ledgers: [Self.book], asOf: Self.asOf, rates: nil)
        let icb = try #require(analysis.daysToPay.first)
        // B 10 days, K 14 days and −7 days (paid early): 17 / 3 = 5.67 → 5.7.
        #expect(icb.paymaster == .icb)
        #expect(icb.payments == 3)
        #expect(icb.averageText == "5.7")
        #expect(analysis.daysToPay.count == 1, "nothing was recorded as paid by the council")
    }

    @Test func listsTheOldestDebtsWithTheirNextStep() {
        let analysis = CashflowAnalysis(ledgers: [Self.book], asOf: Self.asOf, rates: nil)
        #expect(analysis.oldest.map(\.claim.id) == ["F", "G", "B", "A", "D"])
        #expect(analysis.oldest.map(\.daysOverdue) == [181, 180, 31, 30, 1])
        #expect(analysis.oldest.allSatisfy { $0.nextStep.action == .send && $0.nextStep.templates == ["chase"] })
    }
}
