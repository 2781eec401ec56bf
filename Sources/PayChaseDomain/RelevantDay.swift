/// The relevant day for a debt under section 4 of the Late Payment of Commercial Debts (Interest)
/// Act 1998: statutory interest runs from the day after it (s4(2)). Every paymaster PayChase
/// writes to (an ICB, NHS England, a council) is a public authority, so under s4(2D) the last day
/// of the relevant 30-day period is the relevant day whenever it falls earlier than the agreed
/// payment day; with no agreed payment day it is that last day (s4(2A)(b)). The 30-day period
/// begins with the later of the day the service was performed and the day the purchaser had
/// notice of the amount (s4(2H)): day 30 is the 29th day after the first.
public struct RelevantDay: Sendable, Hashable, Codable {
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The agreed payment day (a given due date, or the agreement's payment terms).
        case agreed
        /// The last day of the relevant 30-day period, earlier than the agreed payment day (s4(2D)).
        case thirtyDaysEarlierThanAgreed = "thirty-days-earlier-than-agreed"
        /// The last day of the relevant 30-day period: no payment day was agreed (s4(2A)(b)).
        case thirtyDaysNoneAgreed = "thirty-days-none-agreed"
    }

    public var day: CalendarDate
    public var basis: Basis
    /// The first day of the relevant 30-day period.
    public var periodStart: CalendarDate

    /// The later of the day the claim was made (the service had been performed by then) and the
    /// day of the invoice, when one was sent after it.
    public init(for claim: Claim) {
        let start = max(claim.submittedOn, claim.invoiceDate ?? claim.submittedOn)
        let end = start.adding(days: 29)
        periodStart = start
        if claim.dueBasis.isConfirmed {
            (day, basis) = end < claim.dueOn ? (end, .thirtyDaysEarlierThanAgreed) : (claim.dueOn, .agreed)
        } else {
            (day, basis) = (end, .thirtyDaysNoneAgreed)
        }
    }

    /// How a letter says where the day comes from.
    public var explanation: String {
        switch basis {
        case .agreed:
            "the agreed payment day"
        case .thirtyDaysEarlierThanAgreed:
            "the last day of the 30 days beginning with \(periodStart.formatted), which falls before the agreed payment day (section 4(2D) of the Act, the purchaser being a public authority)"
        case .thirtyDaysNoneAgreed:
            "the last day of the 30 days beginning with \(periodStart.formatted), no payment day having been agreed (section 4(2A)(b) of the Act)"
        }
    }
}
