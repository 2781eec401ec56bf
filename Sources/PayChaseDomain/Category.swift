/// What kind of payment a claim is for; it decides who pays by default.
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

    /// The usual paymaster since the 2013 restructure.
    public var defaultPaymaster: PaymasterRole {
        switch self {
        case .qof, .des: .nhsEngland
        case .les: .ccg
        case .publicHealth: .localAuthority
        }
    }
}

/// The three bodies that pay a practice.
public enum PaymasterRole: String, Sendable, CaseIterable, Codable, Comparable {
    case nhsEngland = "nhs-england"
    case ccg = "ccg"
    case localAuthority = "local-authority"

    public init?(parsing text: String) {
        self.init(rawValue: text.trimmingSpaces().lowercased())
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
