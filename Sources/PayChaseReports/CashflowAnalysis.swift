import PayChaseDomain

/// Cash flow and aged debt for one practice or a network of them, as of a day: what is owed to
/// whom and for how long, what was claimed and received month by month, what should come in
/// next, how long each paymaster takes to pay, and the oldest debts with their next step.
public struct CashflowAnalysis: Sendable {
    /// What one practice is owed by one paymaster, by age; `practice` is nil in network totals.
    public struct AgedDebtRow: Sendable, Hashable {
        public var practice: String?
        /// Nil in the row of totals over every paymaster.
        public var paymaster: PaymasterRole?
        public var paymasterName: String
        public var byAge: [AgeBucket: Money]
        public var claims: Int
        /// Statutory interest and fixed sums accrued, where the Late Payment Act applies.
        public var interest: Money
        public var fixedSums: Money
        /// What waiting has cost so far at the practice's overdraft rate: each overdue claim's
        /// outstanding × the rate × its days overdue / 365; zero where no rate is given.
        public var waitingCost: Money = .zero
        /// What the overdue amount costs a month at that rate.
        public var monthlyCost: Money = .zero

        public var total: Money { byAge.values.reduce(.zero, +) }
        public var overdue: Money { total - self[.notYetDue] }
        public subscript(bucket: AgeBucket) -> Money { byAge[bucket] ?? .zero }
    }

    /// One month of the last twelve: claimed by the date claimed, received by the date a
    /// recorded payment arrived.
    public struct MonthFlow: Sendable, Hashable {
        public var month: YearMonth
        public var claimed: Money
        public var received: Money
    }

    /// What falls due in one of the next three periods and is still owed.
    public struct ExpectedPayments: Sendable, Hashable {
        public var from: CalendarDate
        public var to: CalendarDate
        public var amount: Money
        public var claims: Int
    }

    /// How long a paymaster took from the due date to each payment recorded.
    public struct DaysToPay: Sendable, Hashable {
        public var paymaster: PaymasterRole
        public var paymasterName: String
        public var payments: Int
        /// Days from the due date to the payment, averaged over payments, in tenths of a day
        /// (negative when paid early).
        public var averageTenths: Int64

        /// `12.5`.
        public var averageText: String {
            let magnitude = averageTenths.magnitude
            return "\(averageTenths < 0 ? "-" : "")\(magnitude / 10).\(magnitude % 10)"
        }
    }

    /// An overdue claim, with what to do next about it.
    public struct Debt: Sendable, Hashable {
        public var practice: String
        public var claim: Claim
        public var paymasterName: String
        public var daysOverdue: Int
        public var interest: StatutoryInterest?
        public var nextStep: NextStep
    }

    public var asOf: CalendarDate
    public var practices: [String]
    /// Per practice and paymaster, in the practices' order then the paymasters'.
    public var agedDebt: [AgedDebtRow]
    /// Per paymaster over every practice, then the row of totals over all (`paymaster` nil).
    public var agedDebtTotals: [AgedDebtRow]
    /// The twelve months ending with the month of `asOf`, oldest first.
    public var months: [MonthFlow]
    /// The claims files' `paid`, which has no date and so is in no month.
    public var undatedPaid: Money
    /// The rest of this month from `asOf` (a claim due today is not yet late), then the next two calendar months.
    public var expected: [ExpectedPayments]
    public var daysToPay: [DaysToPay]
    /// The ten claims longest overdue (then the largest), oldest first.
    public var oldest: [Debt]

    /// How many debts `oldest` lists.
    public static let oldestCount = 10

    public init(ledgers: [PracticeLedger], asOf: CalendarDate, rates: BankRateTable?, ladder: EscalationLadder = .init()) {
        self.asOf = asOf
        practices = ledgers.map(\.name)
        agedDebt = ledgers.flatMap { Self.agedDebt(of: $0, asOf: asOf, rates: rates) }
        agedDebtTotals = Self.totals(agedDebt, names: ledgers)
        let flows = Self.flows(ledgers, asOf: asOf)
        months = flows.months
        undatedPaid = flows.undated
        expected = Self.expected(ledgers, asOf: asOf)
        daysToPay = Self.daysToPay(ledgers)
        oldest = Self.oldest(ledgers, asOf: asOf, rates: rates, ladder: ladder)
        overdraftRates = ledgers.compactMap { ledger in ledger.overdraftRate.map { "\(ledger.name): \($0.description)" } }
    }

    /// The overdraft rates the practices gave; empty when none did (then no cost of waiting is shown).
    public var overdraftRates: [String] = []

    /// Everything owed, overdue or not.
    public var outstanding: Money { agedDebtTotals.last?.total ?? .zero }

    private static func agedDebt(of ledger: PracticeLedger, asOf: CalendarDate, rates: BankRateTable?) -> [AgedDebtRow] {
        var debt = AgedDebt()
        var interest: [PaymasterRole: (interest: Money, fixedSums: Money)] = [:]
        // Pence × days overdue, per paymaster: what the overdraft rate is charged on.
        var penceDays: [PaymasterRole: Int64] = [:]
        // By index, as in `flows`: the claims are read where they lie, not copied.
        for index in ledger.claims.indices where ledger.claims[index].outstanding > .zero {
            let claim = ledger.claims[index]
            let days = claim.daysOverdue(asOf: asOf)
            debt.add(claim.outstanding, daysOverdue: days, paymaster: claim.paymaster.rawValue, name: ledger.name(of: claim.paymaster))
            if ledger.overdraftRate != nil, days > 0 { penceDays[claim.paymaster, default: 0] += claim.outstanding.pence * Int64(days) }
            if let rates, let accrued = StatutoryInterest(accruedOn: claim, practice: ledger.practice, asOf: asOf, rates: rates) {
                interest[claim.paymaster, default: (.zero, .zero)].interest += accrued.interest
                interest[claim.paymaster, default: (.zero, .zero)].fixedSums += accrued.fixedSum
            }
        }
        return debt.paymasters.map { owed -> AgedDebtRow in
            let paymaster = PaymasterRole(rawValue: owed.key)!
            var row = AgedDebtRow(
                practice: ledger.name,
                paymaster: paymaster,
                paymasterName: owed.name,
                byAge: Dictionary(uniqueKeysWithValues: AgeBucket.allCases.compactMap { owed[$0] > .zero ? ($0, owed[$0]) : nil }),
                claims: owed.claims,
                interest: interest[paymaster]?.interest ?? .zero,
                fixedSums: interest[paymaster]?.fixedSums ?? .zero
            )
            if let rate = ledger.overdraftRate {
                row.waitingCost = rate.cost(ofPenceDays: penceDays[paymaster] ?? 0)
                row.monthlyCost = rate.monthly(on: row.overdue)
            }
            return row
        }.sorted { $0.paymaster! < $1.paymaster! }
    }

    /// Per paymaster over the practices (named by the first practice's profile), then all.
    private static func totals(_ rows: [AgedDebtRow], names ledgers: [PracticeLedger]) -> [AgedDebtRow] {
        func sum(_ rows: [AgedDebtRow], paymaster: PaymasterRole?, name: String) -> AgedDebtRow {
            var total = AgedDebtRow(
                practice: nil,
                paymaster: paymaster,
                paymasterName: name,
                byAge: [:],
                claims: 0,
                interest: .zero,
                fixedSums: .zero
            )
            for row in rows {
                for (bucket, amount) in row.byAge { total.byAge[bucket, default: .zero] += amount }
                total.claims += row.claims
                total.interest += row.interest
                total.fixedSums += row.fixedSums
                total.waitingCost += row.waitingCost
                total.monthlyCost += row.monthlyCost
            }
            return total
        }
        let byPaymaster = Dictionary(grouping: rows) { $0.paymaster! }.sorted { $0.key < $1.key }.map { paymaster, group in
            sum(group, paymaster: paymaster, name: ledgers.count == 1 ? group[0].paymasterName : Self.title(of: paymaster))
        }
        return byPaymaster + [sum(rows, paymaster: nil, name: "All paymasters")]
    }
}

extension CashflowAnalysis {
    /// What a network's totals call a paymaster, whose name each practice's profile gives its own way.
    static func title(of paymaster: PaymasterRole) -> String {
        switch paymaster {
        case .icb: "ICB"
        case .nhsEngland: "NHS England"
        case .localAuthority: "local authority"
        }
    }
}

extension Money {
    static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
}
