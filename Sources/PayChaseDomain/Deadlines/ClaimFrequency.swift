/// How often a service is claimed: the periods its claims cover.
public enum ClaimFrequency: String, Sendable, Hashable, CaseIterable, Codable {
    case monthly, quarterly, yearly
    /// Claimed item by item (each fitting, each check): there are no periods to count.
    case perItem = "per item"

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
