/// What kind of agreement a practice is paid under.
public enum ContractKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// General Medical Services contract.
    case gms
    /// Personal Medical Services agreement.
    case pms
    /// Alternative Provider Medical Services contract.
    case apms
    /// A locally commissioned service: a separate agreement with the ICB, or the NHS Standard Contract.
    case lcs
    /// A local authority's contract for public-health services.
    case publicHealth = "public-health"
    /// Any other agreement.
    case other

    /// The practice's core GP contract: GMS, PMS or APMS.
    public var isCore: Bool { self == .gms || self == .pms || self == .apms }

    /// The escalation route its claims follow.
    public var route: ContractRoute {
        switch self {
        case .gms, .pms, .apms: .gpContract
        case .lcs, .other: .localService
        case .publicHealth: .publicHealth
        }
    }

    /// The core contract type of a practice's `contract: GMS`.
    public init(_ type: ContractType) {
        switch type {
        case .gms: self = .gms
        case .pms: self = .pms
        case .apms: self = .apms
        }
    }

    /// How a letter names it.
    public var longName: String {
        switch self {
        case .gms: ContractType.gms.longName
        case .pms: ContractType.pms.longName
        case .apms: ContractType.apms.longName
        case .lcs: "agreement for a locally commissioned service"
        case .publicHealth: "public health services contract"
        case .other: "agreement"
        }
    }
}
