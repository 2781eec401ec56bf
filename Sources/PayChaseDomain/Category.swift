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

    /// QOF, DESs and LESs are owed under the GP contract; public health under the authority's contract.
    public var contract: ContractRoute {
        self == .publicHealth ? .publicHealth : .gpContract
    }

    /// Who pays by default: the ICB (for NHS England) for the GP contract, the council for public health.
    public var defaultPaymaster: PaymasterRole {
        self == .publicHealth ? .localAuthority : .icb
    }
}
