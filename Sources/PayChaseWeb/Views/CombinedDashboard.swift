import PayChaseDomain
import PayChaseJobs
import PayChaseReports

/// Several practices' dashboards together: one dashboard of all their claims, each practice's
/// totals, and every practice's actions for today, each linked to its own claim page. Made from
/// each practice's digest, so a practice whose files have not changed costs nothing to add again.
struct CombinedDashboard {
    var digests: [PracticeDigest]
    var asOf: CalendarDate

    static let name = "All practices"

    /// One way of showing it, kept under its key.
    struct View: Sendable {
        var key: String
        var render: @Sendable (CombinedDashboard) -> String
    }

    static func pageView(_ pages: PageRenderer) -> View { View(key: "page") { pages.render("practices", $0.page) } }

    static let jsonView = View(key: "json") { JSONReply.encoded($0.json) }

    /// The practices' aged debt added up.
    static func debt(of digests: [PracticeDigest]) -> AgedDebt { digests.reduce(into: AgedDebt()) { $0.add($1.debt) } }

    /// The most overdue of every practice's actions for today (each practice's own most overdue
    /// are enough to find them); among equals, in folder order.
    var actions: [ActionRow] {
        digests.flatMap(\.actions).enumerated()
            .sorted { ($1.element.daysOverdue, $0.offset) < ($0.element.daysOverdue, $1.offset) }
            .map(\.element)
    }

    /// `/api/practices`: the figures of every practice together and of each, each practice's
    /// actions being at its own `/api/practices/NAME/dashboard` (a network's would run to
    /// tens of megabytes).
    struct JSON: Encodable {
        struct Figures: Encodable {
            var asOf: String
            var claims: Int
            var outstanding: StatusJSON.Amount
            var overdue: StatusJSON.Amount
            var totals: [StatusJSON.Total]
            var agedDebt: [AgedDebtPanel.Bucket]
            var actionsToday: Int

            init(_ digests: [PracticeDigest], asOf: CalendarDate) {
                self.asOf = asOf.description
                claims = digests.reduce(0) { $0 + $1.claims }
                let totals = digests.flatMap(\.totals)
                outstanding = StatusJSON.Amount(totals.outstanding)
                overdue = StatusJSON.Amount(totals.overdue)
                self.totals = totals.map(StatusJSON.Total.init)
                agedDebt = AgedDebtPanel(CombinedDashboard.debt(of: digests), asOf: asOf).buckets
                actionsToday = digests.reduce(0) { $0 + $1.actionCount }
            }
        }

        struct Entry: Encodable {
            var practice: String
            var name: String
            /// Where its own dashboard, with today's actions, is.
            var dashboard: String
            var figures: Figures?
            var problem: String?
        }

        var all: Figures
        var practices: [Entry]
    }

    var json: JSON {
        JSON(
            all: JSON.Figures(digests, asOf: asOf),
            practices: digests.map { digest in
                JSON.Entry(
                    practice: digest.practice.slug,
                    name: digest.name,
                    dashboard: "\(digest.practice.apiPath)/dashboard",
                    figures: digest.problem == nil ? JSON.Figures([digest], asOf: asOf) : nil,
                    problem: digest.problem
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
        let dashboard = DashboardPage(
            practice: Self.name,
            asOf: asOf,
            totals: digests.flatMap(\.totals),
            panel: AgedDebtPanel(Self.debt(of: digests), asOf: asOf),
            actions: actions,
            actionCount: digests.reduce(0) { $0 + $1.actionCount },
            empty: digests.allSatisfy { $0.claims == 0 },
            // Its own page (practices.mustache) links to each practice's, never to these.
            pagePath: ""
        )
        let practices = digests.map { digest in
            TotalRow(
                name: digest.name,
                href: digest.practice.pagePath + "/",
                totals: digest.totals,
                actions: digest.actionCount,
                problem: digest.problem
            )
        }
        return Page(dashboard: dashboard, practices: practices, count: digests.count)
    }
}
