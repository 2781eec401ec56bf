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
        /// Why interest that applies could not be worked out (the Bank Rate table has no rate for
        /// its reference date); nil when it could, or none runs.
        public var interestMissing: String?
        public var attempts: Int
        /// Delivered, read, bounced, replied; payments recorded.
        public var feedback: ClaimFeedback
        public var nextStep: NextStep
        /// Time limits that run for the claim (complaint, dispute resolution).
        public var limits: [TimeLimit]
    }

    public struct Total: Sendable, Codable {
        public var paymaster: String
        public var paymasterName: String
        public var claims: Int
        public var outstanding: Money
        public var overdue: Money
    }

    public var asOf: CalendarDate
    public var rows: [Row]
    public var totals: [Total]
    /// The practice's overdraft rate (`costs.overdraft_rate`), for what waiting costs; nil when not given.
    public var overdraftRate: OverdraftRate?
    /// The periods whose claim or evidence is due or was missed, when `services.csv` beside the
    /// profile gives the services' schedules; nil when it does not.
    public var deadlines: DeadlineList?

    /// What the overdue money costs a month at the overdraft rate; nil when none is given.
    public var monthlyWaitingCost: Money? {
        overdraftRate.map { $0.monthly(on: totals.overdue) }
    }

    public init(
        claims: [Claim],
        profile: PracticeProfile,
        attempts: [String: [Attempt]],
        feedback: [String: ClaimFeedback] = [:],
        asOf: CalendarDate,
        rates: BankRateTable? = nil,
        ladder: EscalationLadder = .init()
    ) {
        self.asOf = asOf
        overdraftRate = profile.overdraftRate
        rows = claims.map { claim in
            let history = attempts[claim.id] ?? []
            let context = DocumentContext(claim: claim, profile: profile, attempts: history, today: asOf, ladder: ladder, rates: rates)
            return Row(
                claimID: claim.id,
                service: claim.service,
                paymaster: claim.paymaster.rawValue,
                paymasterName: profile.paymasters[claim.paymaster]?.name ?? claim.paymaster.rawValue,
                outstanding: claim.outstanding,
                dueOn: claim.dueOn,
                dueBasis: claim.dueBasis,
                daysOverdue: claim.daysOverdue(asOf: asOf),
                interest: context.interest,
                interestMissing: context.interestProblem,
                attempts: history.count,
                feedback: feedback[claim.id] ?? ClaimFeedback(),
                nextStep: ladder.nextStep(
                    for: claim,
                    attempts: history,
                    practice: profile.practice,
                    asOf: asOf,
                    feedback: feedback[claim.id] ?? ClaimFeedback()
                ),
                limits: claim.outstanding > .zero ? ladder.limits(for: claim) : []
            )
        }
        let grouped = Dictionary(grouping: claims, by: \.paymaster)
        totals = grouped.keys.sorted().map { role in
            let group = grouped[role]!
            return Total(
                paymaster: role.rawValue,
                paymasterName: profile.paymasters[role]?.name ?? role.rawValue,
                claims: group.count,
                outstanding: group.reduce(.zero) { $0 + $1.outstanding },
                overdue: group.filter { $0.isOverdue(asOf: asOf) }.reduce(.zero) { $0 + $1.outstanding }
            )
        }
    }
}

extension Array where Element == StatusReport.Total {
    /// Owed, over every paymaster (and practice) these totals are for.
    public var outstanding: Money { reduce(.zero) { $0 + $1.outstanding } }
    /// Owed past its due date, likewise.
    public var overdue: Money { reduce(.zero) { $0 + $1.overdue } }
}
