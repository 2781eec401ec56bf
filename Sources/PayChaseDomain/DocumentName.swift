/// The built-in documents; their names are part of PayChase's interface.
public enum DocumentName {
    public static let chase = "chase"
    public static let appeal = "appeal"
    public static let lmcReferral = "lmc-referral"
    public static let latePaymentNotice = "late-payment-notice"
    public static let formalComplaint = "formal-complaint"
    public static let disputeResolution = "dispute-resolution"
    public static let letterBeforeClaim = "letter-before-claim"

    /// In the order of the escalation ladder.
    public static let all = [
        chase, appeal, lmcReferral, latePaymentNotice, disputeResolution, letterBeforeClaim, formalComplaint,
    ]
}
