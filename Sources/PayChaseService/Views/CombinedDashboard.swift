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
        var asOf: String
        var owed: String
        var overdue: String
        var count: Int
        var practices: [TotalRow]
        var chart: String
        var actions: [ActionRow]
        var hasActions: Bool
    }

    var page: Page {
        let practices = parts.map { part in
            TotalRow(
                name: part.name, href: part.practice.pagePath + "/", totals: part.report?.totals ?? [],
                actions: part.report.map { TodaysActions($0).rows.count } ?? 0, problem: part.problem
            )
        }
        let actions = parts.flatMap { part in
            part.report.map { ActionRow.rows($0, claimsPath: "\(part.practice.pagePath)/claims", practice: part.name) } ?? []
        }
        return Page(
            asOf: asOf.formatted, owed: outstanding.formatted, overdue: overdue.formatted, count: parts.count, practices: practices,
            chart: AgedDebt(rows).svg, actions: actions, hasActions: !actions.isEmpty
        )
    }
}
