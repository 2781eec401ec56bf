import Foundation
import PayChaseDocuments
import PayChaseDomain

/// `paychase status`: where each claim stands and what to do next.
public struct StatusReport: Sendable, Encodable {
    public struct Row: Sendable, Encodable {
        public var claimID: String
        public var service: String
        public var paymaster: String
        public var paymasterName: String
        public var outstanding: Money
        public var dueOn: CalendarDate
        /// Where the due date comes from; `assumed` is 30 days after the claim and needs confirming.
        public var dueBasis: DueBasis
        public var daysOverdue: Int
        /// Statutory interest and the fixed sum accrued, where the Late Payment Act applies.
        public var interest: StatutoryInterest?
        public var attempts: Int
        public var nextStep: NextStep
        /// Time limits that run for the claim (complaint, dispute resolution).
        public var limits: [TimeLimit]
    }

    public struct Total: Sendable, Encodable {
        public var paymaster: String
        public var paymasterName: String
        public var claims: Int
        public var outstanding: Money
        public var overdue: Money
    }

    public var asOf: CalendarDate
    public var rows: [Row]
    public var totals: [Total]

    public init(
        claims: [Claim], profile: PracticeProfile, attempts: [String: [Attempt]], asOf: CalendarDate, rates: BankRateTable? = nil,
        ladder: EscalationLadder = .init()
    ) {
        self.asOf = asOf
        rows = claims.map { claim in
            let history = attempts[claim.id] ?? []
            let context = DocumentContext(claim: claim, profile: profile, attempts: history, today: asOf, ladder: ladder, rates: rates)
            return Row(
                claimID: claim.id, service: claim.service, paymaster: claim.paymaster.rawValue,
                paymasterName: profile.paymasters[claim.paymaster]?.name ?? claim.paymaster.rawValue,
                outstanding: claim.outstanding, dueOn: claim.dueOn, dueBasis: claim.dueBasis, daysOverdue: claim.daysOverdue(asOf: asOf),
                interest: context.interest, attempts: history.count,
                nextStep: ladder.nextStep(for: claim, attempts: history, practice: profile.practice, asOf: asOf),
                limits: claim.outstanding > .zero ? ladder.limits(for: claim) : []
            )
        }
        let grouped = Dictionary(grouping: claims, by: \.paymaster)
        totals = grouped.keys.sorted().map { role in
            let group = grouped[role]!
            return Total(
                paymaster: role.rawValue, paymasterName: profile.paymasters[role]?.name ?? role.rawValue, claims: group.count,
                outstanding: group.reduce(.zero) { $0 + $1.outstanding },
                overdue: group.filter { $0.isOverdue(asOf: asOf) }.reduce(.zero) { $0 + $1.outstanding }
            )
        }
    }
}

extension StatusReport {
    /// An aligned table, then the totals per paymaster.
    public var table: String {
        let header = ["CLAIM", "PAYMASTER", "OUTSTANDING", "DUE", "OVERDUE", "INTEREST", "SENT", "NEXT STEP"]
        let body = rows.map { row in
            [
                row.claimID, row.paymaster, row.outstanding.formatted,
                row.dueOn.formatted + (row.dueBasis == .assumed ? " (assumed)" : ""),
                row.daysOverdue > 0 ? "\(row.daysOverdue) days" : "-",
                row.interest.map { ($0.interest + $0.fixedSum).formatted } ?? "-", String(row.attempts),
                row.nextStep.summary + (row.nextStep.warning.map { " (\($0))" } ?? ""),
            ]
        }
        var lines = ["Claims as of \(asOf.formatted)", ""]
        lines += Self.align([header] + body, rightAligned: [2, 4, 5, 6])
        if rows.contains(where: { $0.dueBasis == .assumed && $0.outstanding > .zero }) {
            lines += ["", "(assumed) no due_on or approved_on was given: the date is taken as 30 days after the claim; confirm it with the paymaster."]
        }
        if rows.contains(where: { $0.interest != nil }) {
            lines += ["INTEREST is statutory interest and the fixed sum under the Late Payment of Commercial Debts (Interest) Act 1998, where it applies."]
        }
        lines += ["", "Totals"]
        let totalRows = totals.map { [$0.paymasterName, "\($0.claims) claim\($0.claims == 1 ? "" : "s")", $0.outstanding.formatted + " outstanding", $0.overdue.formatted + " overdue"] }
        let all = ["All paymasters", "\(rows.count) claims", totals.reduce(Money.zero) { $0 + $1.outstanding }.formatted + " outstanding",
                   totals.reduce(Money.zero) { $0 + $1.overdue }.formatted + " overdue"]
        lines += Self.align(totalRows + [all], rightAligned: [1, 2, 3])
        return lines.joined(separator: "\n") + "\n"
    }

    static func align(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                if column == row.count - 1 && !rightAligned.contains(column) { return cell }
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
    }

    /// The same report as JSON for scripts: amounts in pence and as text, dates ISO 8601.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try! encoder.encode(JSONView(self)), as: UTF8.self) + "\n"
    }
}

/// The JSON shape of a status report.
private struct JSONView: Encodable {
    struct Amount: Encodable {
        var pence: Int64
        var text: String
        init(_ money: Money) {
            pence = money.pence
            text = money.decimalString
        }
    }

    struct Row: Encodable {
        var claimId: String
        var service: String
        var paymaster: String
        var paymasterName: String
        var outstanding: Amount
        var dueOn: String
        var dueBasis: String
        var daysOverdue: Int
        var interest: Amount?
        var fixedSum: Amount?
        var attempts: Int
        var nextStep: String
        var nextAction: String
        var nextTemplates: [String]
        var nextDate: String?
        var warning: String?
    }

    struct Total: Encodable {
        var paymaster: String
        var paymasterName: String
        var claims: Int
        var outstanding: Amount
        var overdue: Amount
    }

    var asOf: String
    var claims: [Row]
    var totals: [Total]

    init(_ report: StatusReport) {
        asOf = report.asOf.description
        claims = report.rows.map {
            Row(
                claimId: $0.claimID, service: $0.service, paymaster: $0.paymaster, paymasterName: $0.paymasterName,
                outstanding: Amount($0.outstanding), dueOn: $0.dueOn.description, dueBasis: $0.dueBasis.rawValue,
                daysOverdue: $0.daysOverdue, interest: $0.interest.map { Amount($0.interest) },
                fixedSum: $0.interest.map { Amount($0.fixedSum) }, attempts: $0.attempts, nextStep: $0.nextStep.summary, nextAction: $0.nextStep.action.rawValue,
                nextTemplates: $0.nextStep.templates, nextDate: $0.nextStep.date?.description, warning: $0.nextStep.warning
            )
        }
        totals = report.totals.map {
            Total(paymaster: $0.paymaster, paymasterName: $0.paymasterName, claims: $0.claims,
                  outstanding: Amount($0.outstanding), overdue: Amount($0.overdue))
        }
    }
}
