/// The built-in documents; their names are part of PayChase's interface.
public enum DocumentName {
    public static let chase = "chase"
    public static let appeal = "appeal"
    public static let lmcReferral = "lmc-referral"
    public static let latePaymentNotice = "late-payment-notice"
    /// A request to meet and resolve the dispute locally, inviting the LMC, before dispute resolution.
    public static let localResolution = "local-resolution"
    public static let formalComplaint = "formal-complaint"
    public static let disputeResolution = "dispute-resolution"
    public static let letterBeforeClaim = "letter-before-claim"
    /// Thanks for a payment, withdrawing a notice, complaint or dispute that was given.
    public static let paymentAcknowledgement = "payment-acknowledgement"
    /// The claim's evidence, sent to the commissioner or council with the files attached.
    public static let evidenceSubmission = "evidence-submission"
    /// The partners' signed minute of their decision to give a notice or a letter before claim.
    public static let partnersDecision = "partners-decision"

    /// In the order of the escalation ladder.
    public static let all = [
        evidenceSubmission, chase, appeal, lmcReferral, latePaymentNotice, localResolution, disputeResolution, letterBeforeClaim, formalComplaint,
        paymentAcknowledgement, partnersDecision,
    ]
}
