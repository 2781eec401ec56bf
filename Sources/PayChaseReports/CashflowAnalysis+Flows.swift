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
        // Here and below, each claim is read where it lies (by index) rather than copied out of
        // the list: a copy retains every string in it, and a report reads 10,000 claims.
        for ledger in ledgers {
            for claim in ledger.claims.indices {
                if let slot = index(ledger.claims[claim].submittedOn) { months[slot].claimed += ledger.claims[claim].amount }
                undated += ledger.undatedPaid(ledger.claims[claim])
                for payment in ledger.feedback[ledger.claims[claim].id]?.payments ?? [] {
                    if let slot = index(payment.receivedOn) { months[slot].received += payment.amount }
                }
            }
        }
        return (months, undated)
    }

    /// What is still owed on claims falling due from today (not yet late) to the end of this month, and in
    /// each of the next two calendar months, by due date.
    static func expected(_ ledgers: [PracticeLedger], asOf: CalendarDate) -> [ExpectedPayments] {
        let month = YearMonth(asOf)
        var periods = [ExpectedPayments(from: asOf, to: month.last, amount: .zero, claims: 0)]
        for ahead in 1...2 {
            let next = month.adding(months: ahead)
            periods.append(ExpectedPayments(from: next.first, to: next.last, amount: .zero, claims: 0))
        }
        for ledger in ledgers {
            for claim in ledger.claims.indices where ledger.claims[claim].outstanding > .zero {
                let due = ledger.claims[claim].dueOn
                guard let slot = periods.firstIndex(where: { $0.from <= due && due <= $0.to }) else { continue }
                periods[slot].amount += ledger.claims[claim].outstanding
                periods[slot].claims += 1
            }
        }
        return periods
    }

    /// Per paymaster, the days from each claim's due date to each payment recorded for it.
    static func daysToPay(_ ledgers: [PracticeLedger]) -> [DaysToPay] {
        var days: [PaymasterRole: (count: Int64, total: Int64)] = [:]
        for ledger in ledgers {
            for claim in ledger.claims.indices {
                guard let payments = ledger.feedback[ledger.claims[claim].id]?.payments else { continue }
                let (paymaster, due) = (ledger.claims[claim].paymaster, ledger.claims[claim].dueOn)
                for payment in payments {
                    days[paymaster, default: (0, 0)].count += 1
                    days[paymaster, default: (0, 0)].total += Int64(due.days(until: payment.receivedOn))
                }
            }
        }
        return days.sorted { $0.key < $1.key }.map { paymaster, sums in
            DaysToPay(
                paymaster: paymaster,
                paymasterName: ledgers.count == 1 ? ledgers[0].name(of: paymaster) : title(of: paymaster),
                payments: Int(sums.count),
                averageTenths: Rounded.divide(sums.total * 10, by: sums.count)
            )
        }
    }

    /// The claims longest overdue, with their next step on the escalation ladder.
    static func oldest(_ ledgers: [PracticeLedger], asOf: CalendarDate, rates: BankRateTable?, ladder: EscalationLadder) -> [Debt] {
        // Sorted by place, not by copies of the claims: only ten of 10,000 are kept.
        let overdue = ledgers.indices.flatMap { practice in
            ledgers[practice].claims.indices.filter { ledgers[practice].claims[$0].isOverdue(asOf: asOf) }.map { (practice, $0) }
        }
        let sorted = overdue.sorted { a, b in
            let (x, y) = (ledgers[a.0].claims[a.1], ledgers[b.0].claims[b.1])
            if x.dueOn != y.dueOn { return x.dueOn < y.dueOn }
            if x.outstanding != y.outstanding { return x.outstanding > y.outstanding }
            return (ledgers[a.0].name, x.id) < (ledgers[b.0].name, y.id)
        }
        return sorted.prefix(oldestCount).map { practice, index in
            let (ledger, claim) = (ledgers[practice], ledgers[practice].claims[index])
            let feedback = ledger.feedback[claim.id] ?? ClaimFeedback()
            return Debt(
                practice: ledger.name,
                claim: claim,
                paymasterName: ledger.name(of: claim.paymaster),
                daysOverdue: claim.daysOverdue(asOf: asOf),
                interest: rates.flatMap { StatutoryInterest(accruedOn: claim, practice: ledger.practice, asOf: asOf, rates: $0) },
                nextStep: ladder.nextStep(
                    for: claim,
                    attempts: ledger.attempts[claim.id] ?? [],
                    practice: ledger.practice,
                    asOf: asOf,
                    feedback: feedback
                )
            )
        }
    }
}
