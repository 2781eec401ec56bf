/// Statutory interest and fixed compensation under the Late Payment of Commercial Debts
/// (Interest) Act 1998, worked out to the day: simple interest at 8% over the Bank Rate in force
/// on the reference date (31 December or 30 June) before interest starts to run, from the day
/// after the due date, plus the fixed sum of section 5A.
public struct StatutoryInterest: Sendable, Hashable, Codable {
    /// Interest over the whole Bank Rate, in basis points (8%).
    public static let marginBasisPoints = 800

    public var debt: Money
    /// The day after the relevant day: statutory interest runs from here.
    public var from: CalendarDate
    /// The relevant day under section 4 and where it comes from; nil when worked out from a bare due date.
    public var relevantDay: RelevantDay?
    /// The last day counted (today, or the date of the letter).
    public var to: CalendarDate
    public var days: Int
    /// The reference date whose Bank Rate fixes the rate.
    public var referenceDate: CalendarDate
    public var bankRateBasisPoints: Int
    public var rateBasisPoints: Int { bankRateBasisPoints + Self.marginBasisPoints }
    /// Interest for one day, to the nearest penny, as a letter states it.
    public var dailyInterest: Money
    public var interest: Money
    /// The fixed sum for the cost of recovering the debt (section 5A).
    public var fixedSum: Money
    public var total: Money { debt + interest + fixedSum }

    /// Nil when nothing is owed, the debt is not yet late, or the table has no rate for the reference date.
    public init?(debt: Money, dueOn: CalendarDate, asOf: CalendarDate, rates: BankRateTable) {
        guard debt > .zero, asOf > dueOn else { return nil }
        let start = dueOn.adding(days: 1)
        let reference = Self.referenceDate(before: start)
        guard let bankRate = rates.rate(on: reference) else { return nil }
        self.debt = debt
        from = start
        relevantDay = nil
        to = asOf
        days = start.days(until: asOf) + 1
        referenceDate = reference
        bankRateBasisPoints = bankRate
        let rate = Int64(bankRate + Self.marginBasisPoints)
        dailyInterest = Money(pence: Self.scaled(debt.pence, by: rate, over: 10_000 * 365))
        interest = Money(pence: Self.scaled(debt.pence, by: rate * Int64(days), over: 10_000 * 365))
        fixedSum = Self.fixedSum(for: debt)
    }

    /// Interest on what is outstanding on `claim`, where the Act applies to its contract (see
    /// `applies(to:practice:)`), from the day after its relevant day (`RelevantDay`); nil where it
    /// does not apply, or as for `init(debt:dueOn:asOf:rates:)`.
    public init?(accruedOn claim: Claim, practice: Practice, asOf: CalendarDate, rates: BankRateTable) {
        guard Self.applies(to: claim, practice: practice) else { return nil }
        let relevant = RelevantDay(for: claim)
        self.init(debt: claim.outstanding, dueOn: relevant.day, asOf: asOf, rates: rates)
        relevantDay = relevant
    }

    /// The day after `to`: where "interest continues at so much a day" starts, so no day is counted twice.
    public var continuesFrom: CalendarDate { to.adding(days: 1) }

    /// An agreement that is not an NHS contract (a local authority's, a local one in private law,
    /// or a GP contract without health service body status): a contract between two businesses
    /// within section 2 of the 1998 Act.
    public static func applies(to claim: Claim, practice: Practice) -> Bool {
        claim.isNHSContract(practice: practice) == false
    }

    /// The 31 December or 30 June last before `date` (a period starting 1 January takes the
    /// 31 December before it; one starting 1 July takes 30 June).
    public static func referenceDate(before date: CalendarDate) -> CalendarDate {
        date.month <= 6
            ? CalendarDate(year: date.year - 1, month: 12, day: 31)!
            : CalendarDate(year: date.year, month: 6, day: 30)!
    }

    /// £40 for a debt under £1,000, £70 under £10,000, £100 from £10,000.
    public static func fixedSum(for debt: Money) -> Money {
        switch debt.pence {
        case ..<100_000: Money(pence: 4_000)
        case ..<1_000_000: Money(pence: 7_000)
        default: Money(pence: 10_000)
        }
    }

    /// `pence × factor / divisor` to the nearest penny, halves up, without overflowing on the way.
    private static func scaled(_ pence: Int64, by factor: Int64, over divisor: Int64) -> Int64 {
        let product = pence.multipliedFullWidth(by: factor)
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        return remainder * 2 >= divisor ? quotient + 1 : quotient
    }
}
