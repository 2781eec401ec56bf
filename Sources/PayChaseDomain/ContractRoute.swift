/// The contract a claim's money is owed under; it decides the escalation route, not who paid last.
public enum ContractRoute: String, Sendable, CaseIterable, Codable {
    /// The GMS, PMS or APMS contract with the ICB acting for NHS England.
    case gpContract = "gp-contract"
    /// A local authority's public-health contract: a private-law contract.
    case publicHealth = "public-health"
}
