/// When a payment falls due once the commissioner has approved the claim.
public enum PaymentTerms: Sendable, Hashable {
    /// The last day of the month after the month of approval.
    case endOfFollowingMonth
    /// A number of days after approval.
    case days(Int)

    public func due(afterApproval approved: CalendarDate) -> CalendarDate {
        switch self {
        case .endOfFollowingMonth:
            let (year, month) = approved.month == 12 ? (approved.year + 1, 1) : (approved.year, approved.month + 1)
            return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
        case .days(let days):
            return approved.adding(days: days)
        }
    }

    /// 30 days after approval, for either contract, unless the profile says otherwise: the period
    /// the Late Payment of Commercial Debts (Interest) Act 1998 s.4 uses where none is agreed.
    /// The README says so and asks the practice to set the terms its SFE or contract gives.
    public static func defaults(for route: ContractRoute) -> PaymentTerms {
        .days(30)
    }

    /// Reads `end-of-following-month` or `30 days`.
    public init?(parsing text: String) {
        let words = text.trimmingSpaces().lowercased().split(separator: " ")
        if words == ["end-of-following-month"] {
            self = .endOfFollowingMonth
        } else if words.count == 2, words[1] == "days" || words[1] == "day", let days = Int(words[0]), (1...365).contains(days) {
            self = .days(days)
        } else {
            return nil
        }
    }

    /// How a document or report says it: "the last day of the month after approval".
    public var description: String {
        switch self {
        case .endOfFollowingMonth: "the last day of the month after the month of approval"
        case .days(let days): "\(days) days after approval"
        }
    }
}
