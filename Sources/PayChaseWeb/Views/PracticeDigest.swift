import PayChaseDomain
import PayChaseJobs
import PayChaseReports

/// What the combined dashboard shows of one practice, worked out once from its status report
/// (or why there is none): its totals, its aged debt and its most overdue actions for today. Far
/// smaller than the report, and kept until one of the practice's files changes.
struct PracticeDigest: Sendable {
    var practice: ServedPractice
    var name: String
    var totals: [StatusReport.Total] = []
    var debt = AgedDebt()
    var claims = 0
    /// The most overdue of today's actions (as many as a dashboard lists), each linked to its
    /// claim page under the practice.
    var actions: [ActionRow] = []
    /// How many claims need action today.
    var actionCount = 0
    /// Why the practice's report could not be made.
    var problem: String?

    init(practice: ServedPractice, name: String, report: StatusReport) {
        self.practice = practice
        self.name = name
        totals = report.totals
        debt = AgedDebtPanel.debt(report.rows)
        claims = report.rows.count
        let all = ActionRow.rows(report, claimsPath: Self.claimsPath(practice), practice: name)
        actions = Array(all.prefix(DashboardPage.limit))
        actionCount = all.count
    }

    /// As it was kept (`KeptDigest`); each action's link made again from its claim, as the page
    /// makes it, rather than taken from the file.
    init(practice: ServedPractice, kept: KeptDigest) {
        self.practice = practice
        name = kept.name
        totals = kept.totals
        debt = kept.debt
        claims = kept.claims
        actions = kept.actions.map { action in
            var action = action
            action.href = "\(Self.claimsPath(practice))/\(action.claimID)"
            return action
        }
        actionCount = kept.actionCount
    }

    /// Where the practice's claim pages are.
    static func claimsPath(_ practice: ServedPractice) -> String { "\(practice.pagePath)/claims" }

    init(practice: ServedPractice, name: String, problem: String) {
        self.practice = practice
        self.name = name
        self.problem = problem
    }
}
