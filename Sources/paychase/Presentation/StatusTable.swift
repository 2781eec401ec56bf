import PayChaseDomain
import PayChaseJobs

extension StatusReport {
    /// An aligned table, then the totals per paymaster.
    var table: String {
        let header = ["CLAIM", "PAYMASTER", "OUTSTANDING", "DUE", "OVERDUE", "INTEREST", "SENT", "CAME BACK", "NEXT STEP"]
        let body = rows.map { row in
            [
                row.claimID, row.paymaster, row.outstanding.formatted,
                row.dueOn.formatted + (row.dueBasis.isAssumed ? " (assumed)" : ""),
                row.daysOverdue > 0 ? "\(row.daysOverdue) days" : "-",
                row.interest.map { ($0.interest + $0.fixedSum).formatted } ?? "-", String(row.attempts),
                row.feedback.summary.isEmpty ? "-" : row.feedback.summary,
                row.nextStep.summary + (row.nextStep.warning.map { " (\($0))" } ?? ""),
            ]
        }
        var lines = ["Claims as of \(asOf.formatted)", ""]
        lines += TextTable.align([header] + body, rightAligned: [2, 4, 5, 6])
        let owed = rows.filter { $0.outstanding > .zero }
        if owed.contains(where: { $0.dueBasis == .assumed }) {
            lines += [
                "", "(assumed) no due_on or approved_on was given: the date is taken as \(DueBasis.assumption); confirm it with the paymaster.",
            ]
        }
        if owed.contains(where: { $0.dueBasis == .assumedAfterApproval }) {
            lines += [
                "(assumed) approved, but no payment terms are set for the agreement: the date is taken as \(DueBasis.assumedAfterApproval.assumedAs!); add due_on or the agreement's payment_terms."
            ]
        }
        for row in rows {
            if let missing = row.interestMissing { lines += ["INTEREST for \(row.claimID) is not worked out: \(missing)."] }
        }
        if rows.contains(where: { $0.interest != nil }) {
            lines += [
                "INTEREST is statutory interest and the fixed sum under the Late Payment of Commercial Debts (Interest) Act 1998, where it applies."
            ]
        }
        lines += ["", "Totals"]
        let totalRows = totals.map {
            [
                $0.paymasterName, "\($0.claims) claim\($0.claims == 1 ? "" : "s")", $0.outstanding.formatted + " outstanding",
                $0.overdue.formatted + " overdue",
            ]
        }
        let all = [
            "All paymasters", "\(rows.count) claims", totals.reduce(Money.zero) { $0 + $1.outstanding }.formatted + " outstanding",
            totals.reduce(Money.zero) { $0 + $1.overdue }.formatted + " overdue",
        ]
        lines += TextTable.align(totalRows + [all], rightAligned: [1, 2, 3])
        return lines.joined(separator: "\n") + "\n"
    }
}
