import PayChaseDomain
import PayChaseJobs

/// A line of a dashboard's totals: a paymaster's, or (on the combined dashboard) a practice's.
struct TotalRow {
    var name: String
    var href: String?
    var claims: Int
    var owed: String
    var overdue: String
    /// Claims needing action today, on the combined dashboard.
    var actions: Int?
    /// Why the practice's report could not be made, on the combined dashboard.
    var problem: String?

    init(name: String, href: String? = nil, totals: [StatusReport.Total], actions: Int? = nil, problem: String? = nil) {
        self.name = name
        self.href = href
        claims = totals.reduce(0) { $0 + $1.claims }
        owed = totals.outstanding.formatted
        overdue = totals.overdue.formatted
        self.actions = actions
        self.problem = problem
    }
}

/// A claim among today's actions, linked to its page.
struct ActionRow: Codable {
    var practice: String?
    var claimID: String
    var href: String
    var paymaster: String
    var owed: String
    var daysOverdue: Int
    var nextStep: String

    /// Today's actions in `report`, whose claim pages are under `claimsPath`.
    static func rows(_ report: StatusReport, claimsPath: String, practice: String? = nil) -> [ActionRow] {
        rows(TodaysActions(report), claimsPath: claimsPath, practice: practice)
    }

    /// `today`'s actions, whose claim pages are under `claimsPath`.
    static func rows(_ today: TodaysActions, claimsPath: String, practice: String? = nil) -> [ActionRow] {
        today.rows.map {
            ActionRow(
                practice: practice,
                claimID: $0.claimID,
                href: "\(claimsPath)/\($0.claimID)",
                paymaster: $0.paymasterName,
                owed: $0.outstanding.formatted,
                daysOverdue: $0.daysOverdue,
                nextStep: $0.nextStep.summary
            )
        }
    }
}
