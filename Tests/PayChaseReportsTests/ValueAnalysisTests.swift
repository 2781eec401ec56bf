import PayChaseDomain
import PayChaseReports
import Testing

/// Costs per hour: GP £95, nurse £38, HCA £22, admin £18. Every figure worked by hand.
struct ValueAnalysisTests {
    static let costs = StaffCosts(perHour: [
        .gp: Money(pence: 9_500), .nurse: Money(pence: 3_800), .hca: Money(pence: 2_200), .admin: Money(pence: 1_800),
    ])
    static let asOf = CalendarDate(year: 2026, month: 11, day: 22)!

    static func hours(_ gp: Int64, _ nurse: Int64, _ hca: Int64, _ admin: Int64) -> [StaffRole: Hours] {
        [.gp: Hours(hundredths: gp), .nurse: Hours(hundredths: nurse), .hca: Hours(hundredths: hca), .admin: Hours(hundredths: admin)]
    }

    static func claim(_ id: String, _ service: String, _ pence: Int64, paid: Int64 = 0, submitted: String = "2026-05-01") -> Claim {
        Claim(
            id: id,
            service: service,
            category: .des,
            period: "2026/27",
            amount: Money(pence: pence),
            paid: Money(pence: paid),
            submittedOn: try! CalendarDate(parsing: submitted)
        )
    }

    static let workloads = [
        ServiceWorkload(service: "Minor surgery DES", category: .des, hours: hours(4_000, 1_000, 0, 1_000), directCosts: Money(pence: 30_000)),
        ServiceWorkload(service: "Flu vaccination DES", category: .des, hours: hours(1_000, 10_000, 5_000, 2_000), directCosts: Money(pence: 50_000)),
        ServiceWorkload(service: "QOF diabetes", category: .qof, hours: hours(2_000, 6_000, 3_000, 1_550)),
    ]

    static let claims = [
        claim("F1", "Flu vaccination DES", 800_000, paid: 600_000),
        claim("F2", "flu vaccination des ", 400_000),  // matched by name whatever the case
        claim("M1", "Minor surgery DES", 300_000),
        claim("Q1", "QOF diabetes", 800_000),
        claim("Q0", "QOF diabetes", 500_000, submitted: "2025-11-22"),  // a year and a day ago: outside the year
        claim("S1", "Smoking cessation", 45_000),
    ]

    @Test func ranksServicesByNetIncomePerHourAndMarksThoseThatDoNotPay() throws {
        let value = ValueAnalysis(workloads: Self.workloads, claims: Self.claims, costs: Self.costs, asOf: Self.asOf)
        #expect(value.from.description == "2025-11-23")
        #expect(value.services.map(\.workload.service) == ["Flu vaccination DES", "QOF diabetes", "Minor surgery DES"])
        let flu = value.services[0]
        // Staff: 10 × 95 + 100 × 38 + 50 × 22 + 20 × 18 = 950 + 3,800 + 1,100 + 360 = £6,210; + £500 direct.
        #expect(flu.incomeClaimed == Money(pence: 1_200_000))
        #expect(flu.incomeReceived == Money(pence: 600_000))
        #expect(flu.staffCost == Money(pence: 621_000))
        #expect(flu.net == Money(pence: 529_000))  // 12,000 − 6,710
        #expect(flu.incomePerHour == Money(pence: 6_667))  // 12,000 / 180 h = 66.67
        #expect(flu.netPerHour == Money(pence: 2_939))  // 5,290 / 180 = 29.39
        #expect(flu.gpToNurseSaving == Money(pence: 57_000))  // 10 h × (95 − 38)
        #expect(flu.nurseToHCASaving == Money(pence: 160_000))  // 100 h × (38 − 22)
        let diabetes = value.services[1]
        // 20 × 95 + 60 × 38 + 30 × 22 + 15.5 × 18 = 1,900 + 2,280 + 660 + 279 = £5,119; 8,000 − 5,119 = 2,881 over 125.5 h = 22.96.
        #expect(diabetes.net == Money(pence: 288_100))
        #expect(diabetes.netPerHour == Money(pence: 2_296))
        let surgery = value.services[2]
        // 40 × 95 + 10 × 38 + 10 × 18 = £4,360 + £300 direct = £4,660 against £3,000: −£1,660 over 60 h = −27.67.
        #expect(surgery.net == Money(pence: -166_000))
        #expect(surgery.netPerHour == Money(pence: -2_767))
        #expect(!surgery.paysForItsWork)
        // GP hours to the nurse saves 40 × 57 = £2,280, nurse hours to HCAs 10 × 16 = £160: it would pay £780.
        #expect(surgery.netDelegated == Money(pence: 78_000))
        #expect(value.losing.map(\.workload.service) == ["Minor surgery DES"])
        #expect(value.unlisted.map(\.service) == ["Smoking cessation"])
    }

    @Test func findsWhatTheNetworkSavesIfTheLowestCostPracticeDeliveredForAll() throws {
        func practice(_ name: String, direct: Int64, income: Int64) -> (name: String, value: ValueAnalysis) {
            let workloads = [ServiceWorkload(service: "Flu vaccination DES", category: .des, hours: [:], directCosts: Money(pence: direct))]
            return (
                name,
                ValueAnalysis(workloads: workloads, claims: [Self.claim("F", "Flu vaccination DES", income)], costs: Self.costs, asOf: Self.asOf)
            )
        }
        let riverside = (name: "Riverside", value: ValueAnalysis(workloads: Self.workloads, claims: Self.claims, costs: Self.costs, asOf: Self.asOf))
        let network = NetworkValue(practices: [
            riverside, practice("Bridge Street", direct: 500_000, income: 600_000), practice("Canal Side", direct: 200_000, income: 200_000),
        ])
        let flu = try #require(network.services.first)
        #expect(flu.service == "Flu vaccination DES")
        // Riverside spends £6,710 to earn £12,000: 55.9p a pound; Bridge Street £5,000 for £6,000: 83.3p; Canal Side 100.0p.
        #expect(flu.deliveries.map(\.practice) == ["Riverside", "Bridge Street", "Canal Side"])
        #expect(flu.deliveries.map(\.costPerPoundText) == ["55.9p", "83.3p", "100.0p"])
        #expect(flu.lowest == "Riverside")
        // Bridge Street's £6,000 at 55.9p costs 6,710 × 6,000 / 12,000 = £3,355 (saves £1,645); Canal Side's £2,000
        // costs 6,710 × 2,000 / 12,000 = £1,118.33 (saves £881.67): £2,526.67 in all.
        #expect(flu.saving == Money(pence: 252_667))
        #expect(flu.deliveries.map(\.saving) == [.zero, Money(pence: 164_500), Money(pence: 88_167)])
        let surgery = try #require(network.services.first { $0.service == "Minor surgery DES" })
        #expect(surgery.lowest == nil, "one practice delivers it: nothing to compare")
        #expect(surgery.saving == .zero)
        #expect(network.totalSaving == Money(pence: 252_667))
    }
}
