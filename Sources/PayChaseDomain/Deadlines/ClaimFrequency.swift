/// How often a service is claimed: the periods its claims cover.
public enum ClaimFrequency: String, Sendable, Hashable, CaseIterable, Codable {
    case monthly, quarterly, yearly
    /// Claimed item by item (each fitting, each check): there are no periods to count.
    case perItem = "per item"

    /// How many calendar months one period spans; nil for a service claimed per item.
    public var months: Int? {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .yearly: 12
        case .perItem: nil
        }
    }

    /// Reads `monthly`, `Quarterly`, `annual`, `per-item`, `per item`.
    public init?(parsing text: String) {
        switch text.trimmingSpaces().lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ") {
        case "monthly", "month": self = .monthly
        case "quarterly", "quarter": self = .quarterly
        case "yearly", "annual", "annually", "year": self = .yearly
        case "per item", "item", "each item", "per claim": self = .perItem
        default: return nil
        }
    }
}
