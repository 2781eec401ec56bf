/// What kind of payment a claim is for; it decides the contract the money is owed under.
public enum Category: String, Sendable, CaseIterable, Codable {
    case qof = "QOF"
    case des = "DES"
    case les = "LES"
    case publicHealth = "PH"

    /// Reads `QOF`, `des`, `Les`, `PH`.
    public init?(parsing text: String) {
        self.init(rawValue: text.trimmingSpaces().uppercased())
    }

    /// The name a letter uses.
    public var longName: String {
        switch self {
        case .qof: "Quality and Outcomes Framework"
        case .des: "Directed Enhanced Service"
        case .les: "Local Enhanced Service"
        case .publicHealth: "public health service"
        }
    }

    /// The route a claim of this category takes when no agreement places it: QOF and DESs are
    /// paid under the core GP contract, an LES under a separate local agreement, public health
    /// under the council's contract.
    public var defaultRoute: ContractRoute {
        switch self {
        case .qof, .des: .gpContract
        case .les: .localService
        case .publicHealth: .publicHealth
        }
    }

    /// The kind of agreement a claim of this category is paid under when it names none.
    public var defaultContractKinds: Set<ContractKind> {
        switch self {
        case .qof, .des: [.gms, .pms, .apms]
        case .les: [.lcs]
        case .publicHealth: [.publicHealth]
        }
    }

    /// Who pays by default: the ICB (for NHS England) for the GP contract, the council for public health.
    public var defaultPaymaster: PaymasterRole {
        self == .publicHealth ? .localAuthority : .icb
    }
}
