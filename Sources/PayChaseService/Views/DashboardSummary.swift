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
    struct Total {
        var name: String
        var claims: Int
        var owed: String
        var overdue: String
    }

    struct Action {
        var claimID: String
        var href: String
        var paymaster: String
        var owed: String
        var daysOverdue: Int
        var nextStep: String
    }

    var practiceName: String
    var asOf: String
    var owed: String
    var overdue: String
    var totals: [Total]
    var chart: String
    var actions: [Action]
    var hasActions: Bool
    var worker: String?

    init(practice: String, report: StatusReport, worker: String?, claimsPath: String) {
        practiceName = practice
        asOf = report.asOf.formatted
        owed = report.totals.reduce(Money.zero) { $0 + $1.outstanding }.formatted
        overdue = report.totals.reduce(Money.zero) { $0 + $1.overdue }.formatted
        totals = report.totals.map { Total(name: $0.paymasterName, claims: $0.claims, owed: $0.outstanding.formatted, overdue: $0.overdue.formatted) }
        chart = AgedDebt(report.rows).svg
        actions = TodaysActions(report).rows.map {
            Action(
                claimID: $0.claimID, href: "\(claimsPath)/\($0.claimID)", paymaster: $0.paymasterName, owed: $0.outstanding.formatted,
                daysOverdue: $0.daysOverdue, nextStep: $0.nextStep.summary
            )
        }
        hasActions = !actions.isEmpty
        self.worker = worker
    }
}
