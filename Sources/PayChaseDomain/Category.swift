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

/// The contract a claim's money is owed under; it decides the escalation route, not who paid last.
public enum ContractRoute: String, Sendable, CaseIterable, Codable {
    /// The GMS, PMS or APMS contract with the ICB acting for NHS England.
    case gpContract = "gp-contract"
    /// A local authority's public-health contract: a private-law contract.
    case publicHealth = "public-health"
}

/// The bodies that pay a practice.
public enum PaymasterRole: String, Sendable, CaseIterable, Codable, Comparable {
    /// The Integrated Care Board, paying for the GP contract under delegation from NHS England.
    case icb = "icb"
    /// NHS England paying directly (a few national schemes).
    case nhsEngland = "nhs-england"
    case localAuthority = "local-authority"

    /// Reads `icb`, `nhs-england`, `local-authority`; the abolished `ccg` is read as `icb`.
    public init?(parsing text: String) {
        let name = text.trimmingSpaces().lowercased()
        self.init(rawValue: name == Self.formerCCG ? Self.icb.rawValue : name)
    }

    /// Clinical commissioning groups were abolished on 1 July 2022; their work passed to ICBs.
    public static let formerCCG = "ccg"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
