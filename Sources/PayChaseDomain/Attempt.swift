/// A document the paymaster (or the LMC) was sent about a claim, as the delivery log proves.
public struct Attempt: Sendable, Hashable, Codable {
    public var template: String
    public var date: CalendarDate

    public init(template: String, date: CalendarDate) {
        self.template = template
        self.date = date
    }
}

/// The built-in documents; their names are part of PayChase's interface.
public enum DocumentName {
    public static let chase = "chase"
    public static let appeal = "appeal"
    public static let lmcReferral = "lmc-referral"
    public static let latePaymentNotice = "late-payment-notice"
    public static let formalComplaint = "formal-complaint"
    public static let disputeResolution = "dispute-resolution"

    public static let all = [chase, appeal, lmcReferral, latePaymentNotice, formalComplaint, disputeResolution]
}
