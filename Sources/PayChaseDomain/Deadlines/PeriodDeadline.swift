/// One period of a service whose claim, or whose evidence, is due or was missed.
public struct PeriodDeadline: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// No claim in the claims file covers the period.
        case claim
        /// The period is claimed but its evidence is not recorded as submitted.
        case evidence
    }

    public var service: String
    public var category: Category
    public var frequency: ClaimFrequency
    public var period: ClaimPeriod
    public var kind: Kind
    /// The last day it is on time.
    public var deadline: CalendarDate
    /// Days from the day asked about to the deadline: 0 on the day, negative once passed.
    public var daysLeft: Int
    /// Where claims go, where `services.csv` says.
    public var claimTo: String?
    /// For a period not claimed: what the service usually brings for a period, where known.
    public var usualIncome: Money?
    /// For a period not claimed: how many of its months no claim covers (all of them, or fewer
    /// where months of a quarter or a year were claimed one by one).
    public var monthsUnclaimed: Int?

    /// What the months no claim covers usually bring: `usualIncome`, or its share for the months
    /// left where some of the period was claimed.
    public var unclaimedIncome: Money? {
        guard let usualIncome else { return nil }
        return usualIncome.scaled(by: monthsUnclaimed ?? period.months, over: period.months)
    }
    /// For evidence: the claim whose evidence it is.
    public var claimID: String?

    public var passed: Bool { daysLeft < 0 }

    /// `passed`, `today`, `1 day left`, `12 days left`.
    public var whenText: String {
        switch daysLeft {
        case ..<0: "passed"
        case 0: "today"
        case 1: "1 day left"
        default: "\(daysLeft) days left"
        }
    }

    /// "Q2 2026/27 Learning disability health checks DES: not claimed, deadline 31 October 2026
    /// (passed); it usually brings £1,320.00 a quarter".
    public var sentence: String {
        var text = "\(period) \(service)"
        switch kind {
        case .claim:
            let part = monthsUnclaimed.map { $0 < period.months ? " for \($0) of its \(period.months) months" : "" } ?? ""
            text += ": \(passed ? "not claimed" : "not yet claimed")\(part), deadline \(deadline.formatted) (\(whenText))"
            if let usualIncome { text += "; it usually brings \(usualIncome.formatted) a \(frequency.periodNoun)" }
        case .evidence:
            text +=
                " (claim \(claimID ?? "?")): evidence \(passed ? "not recorded as submitted" : "not yet submitted"), deadline \(deadline.formatted) (\(whenText))"
        }
        if let claimTo, !passed { text += "; \(kind == .claim ? "claim" : "send it") through \(claimTo)" }
        return text
    }
}

extension ClaimFrequency {
    /// `month`, `quarter`, `year`, `item`.
    public var periodNoun: String {
        switch self {
        case .monthly: "month"
        case .quarterly: "quarter"
        case .yearly: "year"
        case .perItem: "item"
        }
    }
}
