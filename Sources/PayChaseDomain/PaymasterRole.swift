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
