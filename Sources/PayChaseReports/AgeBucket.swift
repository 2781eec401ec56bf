import PayChaseDomain

/// How long money has been owed past its due date, in the bands an aged-debt report uses.
public enum AgeBucket: Int, Sendable, CaseIterable, Codable, Comparable {
    case notYetDue, days1to30, days31to60, days61to90, days91to180, over180

    /// The band for a debt `days` past its due date (0 or less: not yet due; the due day itself
    /// is not late, the day after it is day 1).
    public init(daysOverdue days: Int) {
        switch days {
        case ...0: self = .notYetDue
        case 1...30: self = .days1to30
        case 31...60: self = .days31to60
        case 61...90: self = .days61to90
        case 91...180: self = .days91to180
        default: self = .over180
        }
    }

    /// `not yet due`, `1–30 days`, `over 180 days`.
    public var title: String {
        switch self {
        case .notYetDue: "not yet due"
        case .days1to30: "1–30 days"
        case .days31to60: "31–60 days"
        case .days61to90: "61–90 days"
        case .days91to180: "91–180 days"
        case .over180: "over 180 days"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
