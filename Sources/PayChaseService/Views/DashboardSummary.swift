import PayChaseDomain
import PayChaseKit

/// A practice's dashboard: owed and overdue per paymaster, the aged debt, today's actions.
/// The page and `/api/dashboard` are the same value.
struct DashboardSummary: Sendable, Encodable {
    var practice: String
    var asOf: String
    var outstanding: StatusJSON.Amount
    var overdue: StatusJSON.Amount
    var totals: [StatusJSON.Total]
    var agedDebt: [AgedDebt.Bucket]
    var todaysActions: [TodaysActions.Action]
    var worker: String?

    init(practice: String, report: StatusReport, worker: String?) {
        self.practice = practice
        asOf = report.asOf.description
        outstanding = StatusJSON.Amount(report.totals.reduce(.zero) { $0 + $1.outstanding })
        overdue = StatusJSON.Amount(report.totals.reduce(.zero) { $0 + $1.overdue })
        totals = StatusJSON(report).totals
        agedDebt = AgedDebt(report.rows).buckets
        todaysActions = TodaysActions(report).actions
        self.worker = worker
    }
}

/// The dashboard page's model.
struct DashboardPage {
    var practiceName: String
    var asOf: String
    var owed: String
    var overdue: String
    var totals: [TotalRow]
    var chart: String
    /// Stored for Mustache, and kept with `actions` when they are set again.
    var actions: [ActionRow] { didSet { hasActions = !actions.isEmpty } }
    var hasActions: Bool
    var worker: String?

    init(practice: String, report: StatusReport, worker: String?, claimsPath: String) {
        practiceName = practice
        asOf = report.asOf.formatted
        let all = TotalRow(name: practice, totals: report.totals)
        owed = all.owed
        overdue = all.overdue
        totals = report.totals.map { TotalRow(name: $0.paymasterName, totals: [$0]) }
        chart = AgedDebt(report.rows).svg
        actions = ActionRow.rows(report, claimsPath: claimsPath)
        hasActions = !actions.isEmpty
        self.worker = worker
    }
}
