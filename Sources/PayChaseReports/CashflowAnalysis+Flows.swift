import PayChaseDomain

extension CashflowAnalysis {
    /// Claimed by the month of `submitted_on`; received by the month each recorded payment
    /// arrived. The claims file's `paid` has no date, so it is counted apart, in no month.
    static func flows(_ ledgers: [PracticeLedger], asOf: CalendarDate) -> (months: [MonthFlow], undated: Money) {
        let last = YearMonth(asOf)
        var months = (0..<12).map { MonthFlow(month: last.adding(months: $0 - 11), claimed: .zero, received: .zero) }
        let first = months[0].month
        func index(_ date: CalendarDate) -> Int? {
            let month = YearMonth(date)
            guard month >= first, month <= last, date <= asOf else { return nil }
            return (month.year - first.year) * 12 + month.month - first.month
        }
        var undated = Money.zero
        for ledger in ledgers {
            for claim in ledger.claims {
                if let slot = index(claim.submittedOn) { months[slot].claimed += claim.amount }
                undated += ledger.undatedPaid(claim)
                for payment in ledger.feedback[claim.id]?.payments ?? [] {
                    if let slot = index(payment.receivedOn) { months[slot].received += payment.amount }
                }
            }
        }
        return (months, undated)
    }

    /// What is still owed on claims falling due from today (not yet late) to the end of this month, and in
    /// each of the next two calendar months, by due date.
    static func expected(_ ledgers: [PracticeLedger], asOf: CalendarDate) -> [ExpectedReceipts] {
        let month = YearMonth(asOf)
        var periods = [ExpectedReceipts(from: asOf, to: month.last, amount: .zero, claims: 0)]
        for ahead in 1...2 {
            let next = month.adding(months: ahead)
            periods.append(ExpectedReceipts(from: next.first, to: next.last, amount: .zero, claims: 0))
        }
        for claim in ledgers.flatMap(\.claims) where claim.outstanding > .zero {
            guard let slot = periods.firstIndex(where: { $0.from <= claim.dueOn && claim.dueOn <= $0.to }) else { continue }
            periods[slot].amount += claim.outstanding
            periods[slot].claims += 1
        }
        return periods
    }

    /// Per paymaster, the days from each claim's due date to each payment recorded for it.
    static func daysToPay(_ ledgers: [PracticeLedger]) -> [DaysToPay] {
        var days: [PaymasterRole: (count: Int64, total: Int64)] = [:]
        for ledger in ledgers {
            for claim in ledger.claims {
                for payment in ledger.feedback[claim.id]?.payments ?? [] {
                    days[claim.paymaster, default: (0, 0)].count += 1
                    days[claim.paymaster, default: (0, 0)].total += Int64(claim.dueOn.days(until: payment.receivedOn))
                }
            }
        }
        return days.sorted { $0.key < $1.key }.map { paymaster, sums in
            DaysToPay(
                paymaster: paymaster,
                paymasterName: ledgers.count == 1 ? ledgers[0].name(of: paymaster) : title(of: paymaster),
                payments: Int(sums.count), averageTenths: Rounded.divide(sums.total * 10, by: sums.count)
            )
        }
    }

    /// The claims longest overdue, with their next step on the escalation ladder.
    static func oldest(_ ledgers: [PracticeLedger], asOf: CalendarDate, rates: BankRateTable?, ladder: EscalationLadder) -> [Debt] {
        let overdue = ledgers.flatMap { ledger in
            ledger.claims.filter { $0.isOverdue(asOf: asOf) }.map { (ledger, $0) }
        }
        let sorted = overdue.sorted { a, b in
            let (x, y) = (a.1, b.1)
            if x.dueOn != y.dueOn { return x.dueOn < y.dueOn }
            if x.outstanding != y.outstanding { return x.outstanding > y.outstanding }
            return (a.0.name, x.id) < (b.0.name, y.id)
        }
        return sorted.prefix(oldestCount).map { ledger, claim in
            let feedback = ledger.feedback[claim.id] ?? ClaimFeedback()
            return Debt(
                practice: ledger.name, claim: claim, paymasterName: ledger.name(of: claim.paymaster),
                daysOverdue: claim.daysOverdue(asOf: asOf),
                interest: rates.flatMap { StatutoryInterest(accruedOn: claim, practice: ledger.practice, asOf: asOf, rates: $0) },
                nextStep: ladder.nextStep(
                    for: claim, attempts: ledger.attempts[claim.id] ?? [], practice: ledger.practice, asOf: asOf, feedback: feedback
                )
            )
        }
    }
}
