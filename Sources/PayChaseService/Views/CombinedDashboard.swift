import PayChaseDomain
import PayChaseKit

/// Several practices' dashboards together: their totals, the aged debt of them all, and every
/// practice's actions for today.
struct CombinedDashboard {
    struct Part {
        var practice: Practice
        var name: String
        var report: StatusReport?
        var problem: String?
    }

    var parts: [Part]
    var asOf: CalendarDate

    struct JSON: Encodable {
        struct Entry: Encodable {
            var practice: String
            var name: String
            var dashboard: DashboardSummary?
            var problem: String?
        }

        var asOf: String
        var outstanding: StatusJSON.Amount
        var overdue: StatusJSON.Amount
        var agedDebt: [AgedDebt.Bucket]
        var practices: [Entry]
    }

    private var rows: [StatusReport.Row] { parts.flatMap { $0.report?.rows ?? [] } }
    private var outstanding: Money { parts.reduce(.zero) { $0 + ($1.report?.totals.reduce(.zero) { $0 + $1.outstanding } ?? .zero) } }
    private var overdue: Money { parts.reduce(.zero) { $0 + ($1.report?.totals.reduce(.zero) { $0 + $1.overdue } ?? .zero) } }

    var json: JSON {
        JSON(
            asOf: asOf.description, outstanding: StatusJSON.Amount(outstanding), overdue: StatusJSON.Amount(overdue), agedDebt: AgedDebt(rows).buckets,
            practices: parts.map {
                JSON.Entry(
                    practice: $0.practice.slug, name: $0.name, dashboard: $0.report.map { [name = $0.name] in DashboardSummary(practice: name, report: $0, worker: nil) },
                    problem: $0.problem
                )
            }
        )
    }

    struct Page {
        struct Row {
            var name: String
            var href: String
            var claims: Int
            var owed: String
            var overdue: String
            var actions: Int
            var problem: String?
        }

        struct Action {
            var practice: String
            var claimID: String
            var href: String
            var owed: String
            var nextStep: String
        }

        var asOf: String
        var owed: String
        var overdue: String
        var count: Int
        var practices: [Row]
        var chart: String
        var actions: [Action]
        var hasActions: Bool
    }

    var page: Page {
        let rowsByPractice = parts.map { part -> Page.Row in
            let totals = part.report?.totals ?? []
            return Page.Row(
                name: part.name, href: part.practice.pagePath + "/", claims: totals.reduce(0) { $0 + $1.claims },
                owed: totals.reduce(Money.zero) { $0 + $1.outstanding }.formatted, overdue: totals.reduce(Money.zero) { $0 + $1.overdue }.formatted,
                actions: part.report.map { TodaysActions($0).rows.count } ?? 0, problem: part.problem
            )
        }
        let actions = parts.flatMap { part in
            (part.report.map { TodaysActions($0).rows } ?? []).map {
                Page.Action(
                    practice: part.name, claimID: $0.claimID, href: "\(part.practice.pagePath)/claims/\($0.claimID)", owed: $0.outstanding.formatted,
                    nextStep: $0.nextStep.summary
                )
            }
        }
        return Page(
            asOf: asOf.formatted, owed: outstanding.formatted, overdue: overdue.formatted, count: parts.count, practices: rowsByPractice,
            chart: AgedDebt(rows).svg, actions: actions, hasActions: !actions.isEmpty
        )
    }
}
