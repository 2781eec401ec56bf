import PayChaseDomain
import PayChasePrint
import PayChaseReports

/// `paychase report cashflow`: cash flow and aged debt for a practice, or a network of them,
/// with its charts; `document` is what the PDF, CSV and JSON are made from.
public struct CashflowReport: Sendable {
    public var analysis: CashflowAnalysis

    public init(analysis: CashflowAnalysis) {
        self.analysis = analysis
    }

    /// The practices' names; one for a practice's own report.
    public var practices: [String] { analysis.practices }
    var network: Bool { practices.count > 1 }
    /// The aged-debt lines a table lists: each practice's, for a network, then the totals.
    private var agedDebtRows: [CashflowAnalysis.AgedDebtRow] { (network ? analysis.agedDebt : []) + analysis.agedDebtTotals }

    /// Outstanding by age, a bar per paymaster in each age band (the dashboard's chart too).
    public var agedDebtChart: BarChart {
        let paymasters = analysis.agedDebtTotals.filter { $0.paymaster != nil }
        return BarChart(
            title: "Outstanding by age at \(analysis.asOf.formatted)",
            groups: AgeBucket.allCases.map { [$0.title] },
            groupTitle: "days past the due date",
            valueTitle: "outstanding",
            series: paymasters.map { row in BarChart.Series(name: row.paymasterName, values: AgeBucket.allCases.map { row[$0] }) }
        )
    }

    /// Claimed and received in each of the last twelve months.
    public var monthsChart: BarChart {
        let months = analysis.months
        return BarChart(
            title: "Claimed and received, \(months.first!.month.title) to \(months.last!.month.title)",
            groups: months.map { [String($0.month.shortTitle.prefix(3)), String($0.month.year)] },
            groupTitle: "month",
            valueTitle: "amount",
            series: [
                .init(name: "claimed", values: months.map(\.claimed)),
                .init(name: "received (payments recorded)", values: months.map(\.received)),
            ]
        )
    }

    public var document: ReportDocument {
        let practice = network ? [ReportDocument.Column("practice", "Practice", share: 1.6)] : []
        let who = network ? "\(practices.count) practices: \(practices.joined(separator: ", "))" : practices[0]
        return ReportDocument(
            title: "Cash flow and aged debt",
            lead: [
                "\(who). As of \(analysis.asOf.formatted): \(analysis.outstanding.formatted) outstanding.",
                "Outstanding is the amount claimed less what the claims file says was paid and the payments recorded with paychase payment.",
            ],
            tables: [agedDebtTable(practice), monthsTable, expectedTable, daysToPayTable, interestTable(practice)]
                + (analysis.overdraftRates.isEmpty ? [] : [waitingTable(practice)]) + [oldestTable(practice)],
            author: network ? "PayChase" : practices[0]
        )
    }

    private func agedDebtTable(_ practice: [ReportDocument.Column]) -> ReportDocument.Table {
        let buckets = AgeBucket.allCases.map { ReportDocument.Column(Self.id($0), $0.title.capitalizedFirst, share: 1.15) }
        let rows = agedDebtRows
        return .init(
            id: "aged_debt",
            heading: "Outstanding by age",
            notes: [
                "Days past the due date, per paymaster\(network ? ", per practice and then for the network" : ""). A claim due today is not yet due."
            ],
            chart: agedDebtChart,
            columns: practice + [.init("paymaster", "Paymaster", share: 1.8)] + buckets + [.init("total", "Total", share: 1.2)],
            rows: rows.map { row in
                practiceCell(row) + [.text(row.paymasterName)] + AgeBucket.allCases.map { .money(row[$0]) } + [.money(row.total)]
            }
        )
    }

    private var monthsTable: ReportDocument.Table {
        .init(
            id: "months",
            heading: "Claimed and received by month",
            notes: [
                "Claimed counts each claim in the month of its submitted_on; received counts each payment recorded with paychase payment in the month it arrived.",
                "The claims file's paid column has no date, so the \(analysis.undatedPaid.formatted) it shows as paid is in no month.",
            ],
            chart: monthsChart,
            columns: [.init("month", "Month", share: 2), .init("claimed", "Claimed"), .init("received", "Received")],
            rows: analysis.months.map { [.text($0.month.title), .money($0.claimed), .money($0.received)] }
        )
    }

    private var expectedTable: ReportDocument.Table {
        .init(
            id: "expected",
            heading: "Expected in the next three months",
            notes: ["What is still owed on claims that fall due in each period (by due date), not yet late."],
            columns: [
                .init("from", "From", share: 1.5), .init("to", "To", share: 1.5), .init("claims", "Claims", share: 0.7), .init("amount", "Amount"),
            ],
            rows: analysis.expected.map { [.date($0.from), .date($0.to), .count($0.claims), .money($0.amount)] }
        )
    }

    private var daysToPayTable: ReportDocument.Table {
        .init(
            id: "days_to_pay",
            heading: "Average days to pay",
            notes: [
                "Days from each claim's due date to each payment recorded for it, averaged over the payments (negative: paid early)."
            ] + (analysis.daysToPay.isEmpty ? ["No payments are recorded yet."] : []),
            columns: [.init("paymaster", "Paymaster", share: 2), .init("payments", "Payments recorded"), .init("average_days", "Average days")],
            rows: analysis.daysToPay.map { [.text($0.paymasterName), .count($0.payments), .figure($0.averageText)] }
        )
    }

    /// What late money costs: the overdraft interest the practice pays, or forgoes, while it
    /// waits, beside the statutory interest it could claim.
    private func waitingTable(_ practice: [ReportDocument.Column]) -> ReportDocument.Table {
        .init(
            id: "cost_of_waiting",
            heading: "What late payment costs",
            notes: [
                "At the overdraft or borrowing rate in the profile (costs.overdraft_rate: \(analysis.overdraftRates.joined(separator: "; "))): so far, each overdue claim's outstanding × the rate × its days overdue ÷ 365; a month, the overdue amount × the rate ÷ 12. Beside it, the statutory interest and fixed sums that could be claimed where the Late Payment Act applies."
            ],
            columns: practice + [
                .init("paymaster", "Paymaster", share: 2), .init("overdue", "Overdue"), .init("cost_so_far", "Cost so far"),
                .init("cost_a_month", "A month"), .init("claimable", "Claimable interest"),
            ],
            rows: agedDebtRows.map { row in
                practiceCell(row) + [
                    .text(row.paymasterName), .money(row.overdue), .money(row.waitingCost), .money(row.monthlyCost),
                    .money(row.interest + row.fixedSums),
                ]
            }
        )
    }

    private func interestTable(_ practice: [ReportDocument.Column]) -> ReportDocument.Table {
        let rows = agedDebtRows
        return .init(
            id: "interest",
            heading: "Statutory interest accrued",
            notes: [
                "Interest under the Late Payment of Commercial Debts (Interest) Act 1998 to \(analysis.asOf.formatted), with the fixed sums, where the Act applies: a local authority's contract, or a GP contract that is not an NHS contract."
            ],
            columns: practice + [
                .init("paymaster", "Paymaster", share: 2), .init("interest", "Interest"), .init("fixed_sums", "Fixed sums"), .init("total", "Total"),
            ],
            rows: rows.map { row in
                practiceCell(row) + [.text(row.paymasterName), .money(row.interest), .money(row.fixedSums), .money(row.interest + row.fixedSums)]
            }
        )
    }

    private func oldestTable(_ practice: [ReportDocument.Column]) -> ReportDocument.Table {
        .init(
            id: "oldest",
            heading: "The oldest debts and what to do next",
            notes: analysis.oldest.isEmpty ? ["Nothing is overdue."] : [],
            columns: practice + [
                .init("claim_id", "Claim", share: 1.1), .init("service", "Service", share: 1.6), .init("paymaster", "Paymaster", share: 1.5),
                .init("due_on", "Due", share: 1.2), .init("days_overdue", "Days late", share: 0.6), .init("outstanding", "Outstanding", share: 1.1),
                .init("next_step", "Next step", share: 1.8),
            ],
            rows: analysis.oldest.map { debt in
                (network ? [.text(debt.practice)] : []) + [
                    .text(debt.claim.id), .text(debt.claim.service), .text(debt.paymasterName), .date(debt.claim.dueOn),
                    .count(debt.daysOverdue), .money(debt.claim.outstanding), .text(debt.nextStep.summary),
                ]
            }
        )
    }

    /// A network's rows name their practice, or "all practices" for the network's totals.
    private func practiceCell(_ row: CashflowAnalysis.AgedDebtRow) -> [ReportDocument.Cell] {
        network ? [.text(row.practice ?? "all practices")] : []
    }

    static func id(_ bucket: AgeBucket) -> String {
        switch bucket {
        case .notYetDue: "not_yet_due"
        case .days1to30: "days_1_30"
        case .days31to60: "days_31_60"
        case .days61to90: "days_61_90"
        case .days91to180: "days_91_180"
        case .over180: "over_180"
        }
    }
}

extension String {
    /// `Not yet due` from `not yet due`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
