import PayChaseDomain
import PayChaseJobs

/// Several practices' dashboards together: one dashboard of all their claims, each practice's
/// totals, and every practice's actions for today, each linked to its own claim page.
struct CombinedDashboard {
    struct Part {
        var practice: ServedPractice
        var name: String
        var report: StatusReport?
        var problem: String?
    }

    var parts: [Part]
    var asOf: CalendarDate

    static let name = "All practices"

    /// Every practice's claims as one report.
    var merged: StatusReport { StatusReport(combining: parts.compactMap(\.report), asOf: asOf) }

    struct JSON: Encodable {
        struct Entry: Encodable {
            var practice: String
            var name: String
            var dashboard: DashboardSummary?
            var problem: String?
        }

        var all: DashboardSummary
        var practices: [Entry]
    }

    var json: JSON {
        JSON(
            all: DashboardSummary(practice: Self.name, report: merged, worker: nil),
            practices: parts.map { part in
                JSON.Entry(
                    practice: part.practice.slug,
                    name: part.name,
                    dashboard: part.report.map { DashboardSummary(practice: part.name, report: $0, worker: nil) },
                    problem: part.problem
                )
            }
        )
    }

    /// The page: the dashboard of all the claims, with each practice's line.
    struct Page {
        var dashboard: DashboardPage
        var practices: [TotalRow]
        var count: Int
    }

    var page: Page {
        // Each practice's actions, worked out once for the list and for its count.
        let actions = parts.map { part in
            part.report.map { ActionRow.rows($0, claimsPath: "\(part.practice.pagePath)/claims", practice: part.name) } ?? []
        }
        let dashboard = DashboardPage(practice: Self.name, report: merged, worker: nil, claimsPath: "", actions: actions.flatMap { $0 })
        let practices = zip(parts, actions).map { part, actions in
            TotalRow(
                name: part.name,
                href: part.practice.pagePath + "/",
                totals: part.report?.totals ?? [],
                actions: actions.count,
                problem: part.problem
            )
        }
        return Page(dashboard: dashboard, practices: practices, count: parts.count)
    }
}
