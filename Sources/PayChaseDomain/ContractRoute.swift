/// The route a claim's escalation takes, decided by the agreement the money is owed under, not by
/// who paid last.
public enum ContractRoute: String, Sendable, CaseIterable, Codable {
    /// The core GMS, PMS or APMS contract with the ICB acting for NHS England: its own payment
    /// terms, appeal, late-payment notice and dispute resolution.
    case gpContract = "gp-contract"
    /// A service bought under a separate agreement (a locally commissioned service, or another
    /// agreement): that agreement's own terms and dispute clause, never the GP contract's.
    case localService = "local-service"
    /// A local authority's public-health contract: a private-law contract.
    case publicHealth = "public-health"
}
