import PayChaseDomain
import Testing

/// Issue 23.1 and 23.2: when each period's claim is due, and the periods never claimed.
struct DeadlineTests {
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    static func period(_ text: String) throws -> ClaimPeriod { try #require(ClaimPeriod(parsing: text), "\(text)") }

    static func rule(_ text: String) throws -> DeadlineRule { try #require(DeadlineRule(parsing: text), "\(text)") }

    static func claim(
        _ id: String,
        _ service: String,
        _ period: String,
        on submitted: String,
        amount: Int64 = 132_000,
        evidence: String? = nil
    )
        -> Claim
    {
        Claim(
            id: id,
            service: service,
            category: .des,
            period: period,
            amount: Money(pence: amount),
            submittedOn: date(submitted),
            evidence: evidence
        )
    }

    static let learningDisability = "Learning disability health checks DES"

    static func quarterly(_ rule: String, since: String? = nil, service: String = learningDisability) throws -> ServiceWorkload {
        ServiceWorkload(
            service: service,
            category: .des,
            hours: [:],
            schedule: ClaimSchedule(frequency: .quarterly, claimBy: try Self.rule(rule), claimTo: "CQRS", since: since.map(date))
        )
    }

    @Test func periodsReadAsPracticesWriteThem() throws {
        let q2 = try Self.period("Q2 2026/27")
        #expect((q2.start, q2.end, q2.frequency) == (Self.date("2026-07-01"), Self.date("2026-09-30"), .quarterly))
        #expect(try Self.period("2026/27 q2") == q2 && Self.period("Q2 2026-27") == q2 && Self.period("Q2 FY 2026/2027") == q2)
        // Q4 is January to March: the calendar year after the financial year's first.
        let q4 = try Self.period("Q4 2026/27")
        #expect((q4.start, q4.end, q4.description) == (Self.date("2027-01-01"), Self.date("2027-03-31"), "Q4 2026/27"))
        let year = try Self.period("2025/26")
        #expect((year.start, year.end, year.description) == (Self.date("2025-04-01"), Self.date("2026-03-31"), "2025/26"))
        #expect(try Self.period("March 2026") == Self.period("2026-03") && Self.period("Mar 2026") == Self.period("03/2026"))
        #expect(try Self.period("2027-02").end == Self.date("2027-02-28") && Self.period("Feb 2028").end == Self.date("2028-02-29"))
        #expect(try Self.period("September 2026").description == "September 2026")
        for unreadable in ["2026", "Q5 2026/27", "2026/28", "Aug–Sep 2026", "Q2", "March", "Smarch 2026", ""] {
            #expect(ClaimPeriod(parsing: unreadable) == nil, "\(unreadable)")
        }
        // A year covers its quarters; a quarter does not cover the year.
        let q4Before = try Self.period("Q4 2025/26")
        #expect(year.covers(q4Before) && !q4Before.covers(year))
        let february = try Self.period("February 2028")
        #expect(year.months == 12 && q2.months == 3 && february.months == 1)
    }

    @Test func deadlinesAtMonthEndsQuarterEndsAndAcrossTheFinancialYear() throws {
        // Month ends: 30 days after a 28-, 29-, 30- and 31-day month.
        #expect(try Self.rule("30 days after period end").deadline(for: Self.period("February 2027")) == Self.date("2027-03-30"))
        #expect(try Self.rule("within 30 days").deadline(for: Self.period("February 2028")) == Self.date("2028-03-30"))
        #expect(try Self.rule("30 days after period end").deadline(for: Self.period("January 2027")) == Self.date("2027-03-02"))
        // The end of the next month, whatever its length.
        #expect(try Self.rule("end of next month").deadline(for: Self.period("January 2027")) == Self.date("2027-02-28"))
        #expect(try Self.rule("end of next month").deadline(for: Self.period("January 2028")) == Self.date("2028-02-29"))
        #expect(try Self.rule("end of the following month").deadline(for: Self.period("February 2027")) == Self.date("2027-03-31"))
        #expect(try Self.rule("end of month 3 after").deadline(for: Self.period("2025/26")) == Self.date("2026-06-30"))
        // Quarter ends.
        #expect(try Self.rule("end of next month").deadline(for: Self.period("Q2 2026/27")) == Self.date("2026-10-31"))
        #expect(try Self.rule("end of next month").deadline(for: Self.period("Q3 2026/27")) == Self.date("2027-01-31"))
        #expect(try Self.rule("period end").deadline(for: Self.period("Q1 2026/27")) == Self.date("2026-06-30"))
        // Across 1 April: Q4 ends on 31 March, its claim falls in the next financial year.
        #expect(try Self.rule("30 days after period end").deadline(for: Self.period("Q4 2026/27")) == Self.date("2027-04-30"))
        // A day of the year: the first on or after the period's end, the last day itself included.
        #expect(try Self.rule("31 March").deadline(for: Self.period("2026/27")) == Self.date("2027-03-31"))
        #expect(try Self.rule("by 31 March").deadline(for: Self.period("Q3 2026/27")) == Self.date("2027-03-31"))
        #expect(try Self.rule("31 March").deadline(for: Self.period("Q1 2027/28")) == Self.date("2028-03-31"))
        #expect(try Self.rule("29 February").deadline(for: Self.period("2025/26")) == Self.date("2027-02-28"))
        for unreadable in ["soon", "31 Smarch", "32 March", "end of month 0 after", "30 days before period end", "30 weeks after period end"] {
            #expect(DeadlineRule(parsing: unreadable) == nil, "\(unreadable)")
        }
    }

    @Test func quartersFollowEachOtherAcrossFirstApril() throws {
        let service = try Self.quarterly("30 days after period end", since: "2026-01-01")
        let list = DeadlineList(services: [service], claims: [], asOf: Self.date("2026-04-01"))
        // Q4 2025/26 (January to March) and Q1 2026/27, which starts on 1 April itself.
        #expect(list.due.map(\.period.description) == ["Q4 2025/26", "Q1 2026/27"])
        #expect(list.due.map(\.deadline) == [Self.date("2026-04-30"), Self.date("2026-07-30")])
        #expect(list.due.map(\.daysLeft) == [29, 120] && list.missed.isEmpty)
    }

    /// What a quarterly service usually brings a quarter, from claims for other lengths of time:
    /// a year's claim brings a quarter of its amount, a month's claim three times its own (a month
    /// was once taken as a whole quarter's worth).
    @Test func aMonthsClaimForAQuarterlyServiceCountsAsAThirdOfAQuarter() throws {
        let service = try Self.quarterly("end of next month", since: "2026-04-01")
        let claims = [
            // Q1 2026/27 claimed month by month: £400.00 each month, £1,200.00 a quarter.
            Self.claim("M-4", Self.learningDisability, "April 2026", on: "2026-05-10", amount: 40_000),
            Self.claim("M-5", Self.learningDisability, "May 2026", on: "2026-06-10", amount: 40_000),
            Self.claim("M-6", Self.learningDisability, "June 2026", on: "2026-07-10", amount: 40_000),
        ]
        let list = DeadlineList(services: [service], claims: claims, asOf: Self.date("2026-11-02"))
        #expect(list.missed.map(\.period.description) == ["Q2 2026/27"])
        #expect(list.missed.first?.usualIncome == Money(pence: 120_000))
        #expect(list.unclaimedIncome.formatted == "£1,200.00")

        // A year's claim of £5,280.00 makes £1,320.00 a quarter; with the months', the middle of the four.
        let year = Self.claim("Y-1", Self.learningDisability, "2025/26", on: "2026-04-20", amount: 528_000)
        let both = DeadlineList(services: [service], claims: claims + [year], asOf: Self.date("2026-11-02"))
        #expect(both.missed.first?.usualIncome == Money(pence: 120_000))
        #expect(Money(pence: 40_000).scaled(by: 3, over: 1) == Money(pence: 120_000))

        // Q2 claimed for July alone: missed for August and September, which usually bring £800.00.
        let july = Self.claim("M-7", Self.learningDisability, "July 2026", on: "2026-08-10", amount: 40_000)
        let partly = DeadlineList(services: [service], claims: claims + [july], asOf: Self.date("2026-11-02"))
        #expect(partly.missed.map(\.monthsUnclaimed) == [2])
        #expect(partly.unclaimedIncome.formatted == "£800.00")
        #expect(
            partly.missed.first?.sentence
                == "Q2 2026/27 Learning disability health checks DES: not claimed for 2 of its 3 months, deadline 31 October 2026 (passed); it usually brings £1,200.00 a quarter"
        )
        #expect(list.missed.first?.sentence.contains("not claimed, deadline") == true, "a period not claimed at all says so plainly")
        #expect(Money(pence: 528_001).scaled(by: 3, over: 12) == Money(pence: 132_000))
        #expect(Money(pence: -5).scaled(by: 1, over: 2) == Money(pence: -3))
    }

    /// A service with a missed period, and one claimed on its deadline day.
    @Test func aMissedPeriodIsListedAndAClaimOnTheDeadlineDayIsOnTime() throws {
        let service = try Self.quarterly("end of next month")
        let claims = [
            Self.claim("D-1", Self.learningDisability, "2025/26", on: "2026-04-20", amount: 528_000),
            // Q1 2026/27's claim made on its deadline day, 31 July 2026.
            Self.claim("D-2", Self.learningDisability, "Q1 2026/27", on: "2026-07-31"),
        ]
        let list = DeadlineList(services: [service], claims: claims, asOf: Self.date("2026-11-02"))
        // Since the first claim's period: 2025/26's quarters and Q1 are claimed; Q2 is missed; Q3 is due.
        #expect(list.missed.map(\.period.description) == ["Q2 2026/27"])
        #expect(
            list.missed.first?.sentence
                == "Q2 2026/27 Learning disability health checks DES: not claimed, deadline 31 October 2026 (passed); it usually brings £1,320.00 a quarter"
        )
        #expect(list.unclaimed.count == 1 && list.unclaimedIncome == Money(pence: 132_000))
        #expect(list.due.map(\.period.description) == ["Q3 2026/27"])
        #expect(
            list.due.first?.sentence.hasSuffix("deadline 31 January 2027 (90 days left); it usually brings £1,320.00 a quarter; claim through CQRS")
                == true
        )

        // On the deadline day itself, Q2 is still due, today.
        let onTheDay = DeadlineList(services: [service], claims: claims, asOf: Self.date("2026-10-31"))
        #expect(onTheDay.missed.isEmpty && onTheDay.due.first?.whenText == "today" && onTheDay.due.first?.period.description == "Q2 2026/27")
        #expect(onTheDay.due(within: 14).map(\.period.description) == ["Q2 2026/27"])
    }

    @Test func evidenceNotRecordedAsSubmittedIsDueUntilTheRecordProvesIt() throws {
        let service = try Self.quarterly("end of next month")
        let claim = Self.claim("D-3", Self.learningDisability, "Q2 2026/27", on: "2026-10-02", evidence: "Health check returns")
        let list = DeadlineList(services: [service], claims: [claim], asOf: Self.date("2026-10-20"))
        let evidence = try #require(list.due.first { $0.kind == .evidence })
        #expect(evidence.claimID == "D-3" && evidence.deadline == Self.date("2026-10-31") && evidence.daysLeft == 11)
        // Proof of the evidence going, from the record, clears it.
        let proved = DeadlineList(services: [service], claims: [claim], evidenceSent: ["D-3": Self.date("2026-10-03")], asOf: Self.date("2026-10-20"))
        #expect(!proved.due.contains { $0.kind == .evidence })
    }

    /// Review: claims cover a period between them, and a claim's evidence is due once.
    @Test func monthlyClaimsCoverTheirQuarterAndEvidenceIsDueOncePerClaim() throws {
        let service = try Self.quarterly("end of next month", since: "2026-07-01")
        let months = ["July 2026", "August 2026", "September 2026"].enumerated().map {
            Self.claim("M-\($0.offset)", Self.learningDisability, $0.element, on: "2026-10-05")
        }
        let list = DeadlineList(services: [service], claims: months, asOf: Self.date("2026-11-10"))
        #expect(!list.missed.contains { $0.kind == .claim && $0.period.description == "Q2 2026/27" }, "three months are the quarter")
        let year = Self.claim("Y-1", Self.learningDisability, "2026/27", on: "2026-04-20", evidence: "Returns")
        let yearly = DeadlineList(
            services: [try Self.quarterly("end of next month", since: "2026-04-01")],
            claims: [year],
            asOf: Self.date("2026-11-10")
        )
        let evidence = yearly.due.filter { $0.kind == .evidence } + yearly.missed.filter { $0.kind == .evidence }
        #expect(evidence.count == 1 && evidence.first?.deadline == Self.date("2027-04-30"), "once, by the year's own deadline: \(evidence)")
        // A gap between the months leaves the quarter unclaimed.
        let gap = DeadlineList(services: [service], claims: [months[0], months[2]], asOf: Self.date("2026-11-10"))
        #expect(gap.missed.contains { $0.kind == .claim && $0.period.description == "Q2 2026/27" })
    }

    @Test func aServiceClaimedPerItemHasNoPeriodsAndAnUnreadPeriodIsNamed() throws {
        let implants = ServiceWorkload(
            service: "Contraceptive implants",
            category: .publicHealth,
            hours: [:],
            schedule: ClaimSchedule(frequency: .perItem, claimBy: .daysAfterEnd(30))
        )
        let claims = [Self.claim("D-4", Self.learningDisability, "Aug–Sep 2026", on: "2026-10-01")]
        let list = DeadlineList(
            services: [implants, try Self.quarterly("end of next month", since: "2026-07-01")],
            claims: claims,
            asOf: Self.date("2026-10-01")
        )
        #expect(list.perItem.map(\.service) == ["Contraceptive implants"])
        #expect(list.unreadPeriods.map(\.claimID) == ["D-4"])
        // The unread claim counts for no period: Q2 is still to claim.
        #expect(list.due.map(\.period.description) == ["Q2 2026/27", "Q3 2026/27"])
    }
}
