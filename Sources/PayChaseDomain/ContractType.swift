/// The GP contract a practice holds.
public enum ContractType: String, Sendable, CaseIterable, Hashable {
    case gms = "GMS"
    case pms = "PMS"
    case apms = "APMS"

    public var longName: String {
        switch self {
        case .gms: "General Medical Services contract"
        case .pms: "Personal Medical Services agreement"
        case .apms: "Alternative Provider Medical Services contract"
        }
    }
}
