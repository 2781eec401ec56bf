/// The staff who do a service's work, each with their own cost per hour.
public enum StaffRole: String, Sendable, CaseIterable, Codable, Comparable {
    case gp, nurse, hca, admin

    /// "GP", "nurse", "HCA", "admin", as a report names them.
    public var title: String {
        switch self {
        case .gp: "GP"
        case .nurse: "nurse"
        case .hca: "HCA"
        case .admin: "admin"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
