extension EscalationLadder {
    /// The serious steps: each ends, or begins to end, the practice's working relation with the
    /// paymaster, so it is drafted out of turn only when asked to (`--force`).
    public static let seriousSteps: Set<String> = [DocumentName.latePaymentNotice, DocumentName.disputeResolution, DocumentName.letterBeforeClaim]

    /// The ladder's earlier steps the record does not show for `template` on this claim's route,
    /// in order ("a second chase" where one chase is not enough); empty when none is missing or
    /// the document is not a serious step.
    public func missingSteps(before template: String, for claim: Claim, attempts: [Attempt], feedback: ClaimFeedback) -> [String] {
        guard Self.seriousSteps.contains(template) else { return [] }
        let sent = attempts.map(\.template)
        var missing: [String] = []
        func need(_ step: String) { if !sent.contains(step) { missing.append(step) } }
        if claim.route == .gpContract {
            need(DocumentName.chase)
            need(DocumentName.appeal)
            need(DocumentName.lmcReferral)
            if template != DocumentName.latePaymentNotice {
                need(DocumentName.latePaymentNotice)
                need(DocumentName.localResolution)
            }
        } else {
            let chases = sent.filter { $0 == DocumentName.chase }.count
            if chases == 0 { missing.append(DocumentName.chase) }
            if chases < 2 { missing.append("a second \(DocumentName.chase)") }
            need(DocumentName.lmcReferral)
        }
        if PartnersDecision.steps.contains(template), feedback.agreed[template] == nil { missing.append(DocumentName.partnersDecision) }
        return missing
    }
}
