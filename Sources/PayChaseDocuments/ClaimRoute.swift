import PayChaseDomain

/// The route names a template's `applies_to` can use for a claim.
public enum ClaimRoute {
    /// A GP contract that is an NHS contract (the contractor is a health service body).
    public static let nhsContract = "nhs-contract"
    /// A contract enforceable in the courts: a GP contract without health service body status, or a
    /// local authority's public-health contract.
    public static let privateLaw = "private-law"

    /// Every name that fits this claim: its contract route, the law of that contract, its paymaster.
    public static func tags(of claim: Claim, practice: Practice) -> Set<String> {
        var tags: Set<String> = [claim.route.rawValue, claim.paymaster.rawValue]
        // An agreement not known either way (a local service no contract places) is neither.
        if let nhsContract = claim.isNHSContract(practice: practice) { tags.insert(nhsContract ? Self.nhsContract : privateLaw) }
        return tags
    }

    static func describe(_ name: String) -> String {
        switch name {
        case ContractRoute.gpContract.rawValue: "claims under the GP contract"
        case ContractRoute.localService.rawValue: "claims under a separate local agreement"
        case ContractRoute.publicHealth.rawValue: "public-health claims"
        case nhsContract: "claims under an NHS contract"
        case privateLaw:
            "claims under a private-law contract (a local authority's, a local agreement that is not an NHS contract, or a GP contract that is not one)"
        default: "claims paid by \(PaymasterRole(parsing: name)?.rawValue ?? name)"
        }
    }
}
