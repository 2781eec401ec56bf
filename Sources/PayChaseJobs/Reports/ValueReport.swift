import PayChaseDomain
import PayChaseReports

/// `paychase report value`: the service value review of a practice, or of each practice of a
/// network with the network's cross-referral comparison; `document` is what the PDF and CSV show.
public struct ValueReport: Sendable {
    public struct PracticeReview: Sendable {
        public var name: String
        public var costs: StaffCosts
        public var value: ValueAnalysis
        /// Periods past their deadline with no claim, where services.csv schedules the services.
        public var unclaimed: [PeriodDeadline] = []
    }

    public var practices: [PracticeReview]
    /// Only for a network of two or more practices.
    public var network: NetworkValue?

    public init(practices: [PracticeReview]) {
        self.practices = practices
        network = practices.count > 1 ? NetworkValue(practices: practices.map { ($0.name, $0.value) }) : nil
    }

    public var document: ReportDocument {
        let first = practices[0].value
        var lead = [
            practices.count == 1 ? practices[0].name : "\(practices.count) practices: \(practices.map(\.name).joined(separator: ", "))",
            "Income claimed from \(first.from.formatted) to \(first.asOf.formatted) (claims matched to services.csv by service name), against the staff hours a year services.csv gives at the profile's costs per hour, plus direct costs.",
        ]
        var tables: [ReportDocument.Table] = []
        for practice in practices {
            let named = practices.count > 1 ? "\(practice.name): " : ""
            let losing = practice.value.losing.map(\.workload.service)
            lead.append(named.isEmpty ? Self.costsText(practice.costs) : "\(practice.name) \(Self.costsText(practice.costs).lowercasedFirst)")
            lead.append(
                losing.isEmpty
                    ? "\(named)every service pays for its work."
                    : "\(named)\(losing.count) of \(practice.value.services.count) services do not pay for their work: \(losing.joined(separator: ", "))."
            )
            tables += [rankedTable(practice, named), delegationTable(practice, named)]
            if !practice.value.unlisted.isEmpty { tables.append(unlistedTable(practice, named)) }
            if !practice.unclaimed.isEmpty {
                let total = practice.unclaimed.reduce(Money.zero) { $0 + ($1.usualIncome ?? .zero) }
                lead.append(
                    "\(named)\(practice.unclaimed.count) period\(practice.unclaimed.count == 1 ? " was" : "s were") not claimed by the deadline, usually worth \(total.formatted)."
                )
                tables.append(unclaimedTable(practice, named))
            }
        }
        if let network { tables.append(networkTable(network)) }
        return ReportDocument(
            title: "Service value review",
            lead: lead,
            tables: tables,
            author: practices.count == 1 ? practices[0].name : "PayChase"
        )
    }

    static func costsText(_ costs: StaffCosts) -> String {
        "Costs per hour: " + StaffRole.allCases.map { "\($0.title) \(costs[$0].formatted)" }.joined(separator: ", ") + "."
    }

    private func rankedTable(_ practice: PracticeReview, _ named: String) -> ReportDocument.Table {
        .init(
            id: "ranked",
            heading: "\(named)Services ranked by net income per hour",
            notes: [
                "Cost is staff time at the costs per hour plus direct costs; net income is income claimed less cost. Marked NO: the income does not pay for the work."
            ],
            columns: [
                .init("rank", "#", share: 0.35), .init("service", "Service", share: 1.4), .init("category", "Type", share: 0.6),
                .init("claimed", "Claimed", share: 1.25), .init("received", "Received", share: 1.25), .init("hours", "Hours", share: 0.55),
                .init("cost", "Cost", share: 1.25), .init("net", "Net income", share: 1.25), .init("income_per_hour", "Income per hour", share: 0.95),
                .init("net_per_hour", "Net per hour", share: 0.95), .init("pays", "Pays", share: 0.55),
            ],
            rows: practice.value.services.enumerated().map { rank, service in
                [
                    .count(rank + 1), .text(service.workload.service), .text(service.workload.category.rawValue), .money(service.incomeClaimed),
                    .money(service.incomeReceived), .figure(service.workload.totalHours.formatted), .money(service.totalCost), .money(service.net),
                    service.incomePerHour.map(ReportDocument.Cell.money) ?? .empty, service.netPerHour.map(ReportDocument.Cell.money) ?? .empty,
                    .text(service.paysForItsWork ? "yes" : "NO"),
                ]
            }
        )
    }

    private func delegationTable(_ practice: PracticeReview, _ named: String) -> ReportDocument.Table {
        .init(
            id: "delegation",
            heading: "\(named)What delegating work would change",
            notes: [
                "If nurses did all the GP hours (at the nurse's cost), and HCAs all the nurse hours (at the HCA's): the most it could save, since not every task can be delegated."
            ],
            columns: [
                .init("service", "Service", share: 2), .init("gp_hours", "GP hours", share: 0.7), .init("nurse_hours", "Nurse hours", share: 0.7),
                .init("gp_to_nurse", "GP work to nurses saves"), .init("nurse_to_hca", "Nurse work to HCAs saves"),
                .init("net_delegated", "Net income after both"), .init("pays_delegated", "Pays then", share: 0.7),
            ],
            rows: practice.value.services.map { service in
                [
                    .text(service.workload.service), .figure(service.workload[.gp].formatted), .figure(service.workload[.nurse].formatted),
                    .money(service.gpToNurseSaving), .money(service.nurseToHCASaving), .money(service.netDelegated),
                    .text(service.netDelegated >= .zero ? "yes" : "NO"),
                ]
            }
        )
    }

    private func unlistedTable(_ practice: PracticeReview, _ named: String) -> ReportDocument.Table {
        .init(
            id: "unlisted",
            heading: "\(named)Claimed but not in services.csv",
            notes: ["Add these services to services.csv to see what they cost."],
            columns: [.init("service", "Service", share: 3), .init("claimed", "Claimed")],
            rows: practice.value.unlisted.map { [.text($0.service), .money($0.income)] }
        )
    }

    private func unclaimedTable(_ practice: PracticeReview, _ named: String) -> ReportDocument.Table {
        .init(
            id: "unclaimed",
            heading: "\(named)Periods not claimed",
            notes: [
                "Each period since the service's start (services.csv's since, or its first claim) with no claim in the claims file and its deadline passed; the income is what the service usually brings for a period."
            ],
            columns: [
                .init("period", "Period"), .init("service", "Service", share: 3), .init("deadline", "Deadline"), .init("usual_income", "Usually"),
            ],
            rows: practice.unclaimed.map {
                [.text($0.period.description), .text($0.service), .text($0.deadline.formatted), .money($0.usualIncome ?? .zero)]
            }
        )
    }

    private func networkTable(_ network: NetworkValue) -> ReportDocument.Table {
        var rows: [[ReportDocument.Cell]] = []
        for service in network.services {
            for delivery in service.deliveries {
                rows.append([
                    .text(service.service), .text(delivery.practice), .money(delivery.incomeClaimed), .money(delivery.cost),
                    .figure(delivery.costPerPoundText), .text(delivery.practice == service.lowest ? "lowest" : ""), .money(delivery.saving),
                ])
            }
        }
        rows.append([.text("Network"), .empty, .empty, .empty, .empty, .empty, .money(network.totalSaving)])
        return .init(
            id: "network",
            heading: "The network: who delivers each service at the lowest cost",
            notes: [
                "The unit of work is £1 of income claimed: a practice's cost per £1 is what it spends (staff time at its own costs per hour, plus direct costs) to earn each pound of the service's income.",
                "The saving is what each practice spends less what the lowest-cost practice would spend on the same income at its cost per £1, if it delivered the service for all by cross-referral: \(network.totalSaving.formatted) across the network.",
            ],
            columns: [
                .init("service", "Service", share: 1.8), .init("practice", "Practice", share: 1.6), .init("claimed", "Claimed"),
                .init("cost", "Cost"),
                .init("cost_per_pound", "Cost per £1 of income"), .init("lowest", "Lowest", share: 0.7), .init("saving", "Saving"),
            ],
            rows: rows
        )
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
