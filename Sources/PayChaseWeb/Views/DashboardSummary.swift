import PayChaseDomain
import PayChaseJobs

/// A practice's dashboard: owed and overdue per paymaster, the aged debt, today's actions.
/// The page and `/api/dashboard` are the same value.
struct DashboardSummary: Sendable, Encodable {
    var practice: String
    var asOf: String
    var outstanding: StatusJSON.Amount
    var overdue: StatusJSON.Amount
    var totals: [StatusJSON.Total]
    var agedDebt: [AgedDebtPanel.Bucket]
    var todaysActions: [TodaysActions.Action]
    var worker: String?
    /// What the overdue money costs a month at the practice's overdraft rate, when it gives one.
    var monthlyWaitingCost: StatusJSON.Amount?
    /// Claims and evidence due in the next fortnight, and periods missed, where services.csv schedules them.
    var deadlinesNextFortnight: [String]?
    var periodsMissed: [String]?

    init(practice: String, report: StatusReport, worker: String?) {
        self.practice = practice
        asOf = report.asOf.description
        outstanding = StatusJSON.Amount(report.totals.outstanding)
        overdue = StatusJSON.Amount(report.totals.overdue)
        totals = report.totals.map(StatusJSON.Total.init)
        agedDebt = AgedDebtPanel(report.rows, asOf: report.asOf).buckets
        todaysActions = TodaysActions(report).actions
        self.worker = worker
        monthlyWaitingCost = report.monthlyWaitingCost.map(StatusJSON.Amount.init)
        deadlinesNextFortnight = report.deadlines?.due(within: DashboardPage.deadlineDays).map(\.sentence)
        periodsMissed = report.deadlines?.missed.map(\.sentence)
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
    /// The chart's figures as a table: its text equivalent.
    var chartTable: String
    /// The most overdue of today's actions, at most `limit`.
    var actions: [ActionRow]
    var hasActions: Bool
    /// How many more there are than the page shows.
    var more: Int?
    var worker: String?
    var claimsHref: String
    /// "Late payments are costing you about £312 a month in overdraft interest".
    var waiting: String?
    /// No claims at all: a practice just set up, offered the import.
    var empty: Bool
    var importHref: String
    /// Where services.csv schedules claims: what is due in the next fortnight, and what was missed.
    var scheduled: Bool
    var deadlines: [DeadlineRow]
    var hasDeadlines: Bool
    var missed: String?
    var deadlinesHref: String

    struct DeadlineRow {
        var day: String
        var when: String
        var what: String
    }

    /// `pagePath`: where the practice's pages are (`""` for the one practice served, else
    /// `/practices/NAME`); the claims, import and deadlines links are its pages.
    init(practice: String, report: StatusReport, worker: String?, pagePath: String) {
        let actions = ActionRow.rows(report, claimsPath: pagePath + "/claims")
        self.init(
            practice: practice,
            asOf: report.asOf,
            totals: report.totals,
            panel: AgedDebtPanel(report.rows, asOf: report.asOf),
            actions: actions,
            actionCount: actions.count,
            empty: report.rows.isEmpty,
            pagePath: pagePath
        )
        self.worker = worker
        if let cost = report.monthlyWaitingCost, cost > .zero, let rate = report.overdraftRate {
            waiting = "Late payments are costing you about \(cost.formattedPounds) a month in overdraft interest (at \(rate.description) a year)."
        }
        scheduled = report.deadlines != nil
        deadlines = (report.deadlines?.due(within: Self.deadlineDays) ?? []).map {
            DeadlineRow(day: $0.deadline.formatted, when: $0.whenText, what: $0.sentence)
        }
        hasDeadlines = !deadlines.isEmpty
        if let list = report.deadlines, !list.missed.isEmpty {
            let unclaimed = list.unclaimed.count
            var text = "\(list.missed.count) deadline\(list.missed.count == 1 ? "" : "s") already missed"
            if unclaimed > 0 {
                text +=
                    ", \(unclaimed) of them a period never claimed"
                    + (list.unclaimedIncome > .zero ? " (usually \(list.unclaimedIncome.formattedPounds) in all)" : "")
            }
            missed = text + "."
        }
    }

    /// From figures already worked out (several practices' added together): `actions` the most
    /// overdue (at least as many as are shown) of `actionCount`; no worker, overdraft cost or
    /// deadlines until they are set.
    init(
        practice: String,
        asOf: CalendarDate,
        totals: [StatusReport.Total],
        panel: AgedDebtPanel,
        actions: [ActionRow],
        actionCount: Int,
        empty: Bool,
        pagePath: String
    ) {
        practiceName = practice
        claimsHref = pagePath + "/claims"
        self.asOf = asOf.formatted
        let all = TotalRow(name: practice, totals: totals)
        owed = all.owed
        overdue = all.overdue
        self.totals = totals.map { TotalRow(name: $0.paymasterName, totals: [$0]) }
        chart = panel.svg
        chartTable = panel.table
        self.actions = Array(actions.prefix(Self.limit))
        hasActions = actionCount > 0
        more = actionCount > Self.limit ? actionCount - Self.limit : nil
        self.empty = empty
        importHref = pagePath + "/import"
        scheduled = false
        deadlines = []
        hasDeadlines = false
        deadlinesHref = pagePath + "/calendar"
    }

    /// The dashboard shows the deadlines of the next fortnight.
    static let deadlineDays = 14

    /// Actions a dashboard lists; the claims table has them all.
    static let limit = 50
}
