/// Where a claim's due date comes from. Only a date the claims file or the agreement's payment
/// terms give is firm; the 30 days PayChase otherwise takes are the Late Payment Act's default,
/// which says nothing of an NHS contract, so such a date is an assumption everywhere it is shown.
public enum DueBasis: String, Sendable, Hashable, Codable {
    /// The claims file gives `due_on`.
    case given
    /// Worked out from `approved_on` by the payment terms the agreement (or the profile) sets.
    case approval
    /// Worked out from `approved_on`, but no payment terms are set: 30 days after approval,
    /// an assumption the practice should confirm.
    case assumedAfterApproval = "assumed-after-approval"
    /// Neither is known: 30 days after the claim, an assumption the practice should confirm.
    case assumed

    /// A late-payment notice may rest on this date.
    public var isConfirmed: Bool { self == .given || self == .approval }

    /// The date is PayChase's assumption, not the agreement's or the practice's.
    public var isAssumed: Bool { !isConfirmed }

    /// What an assumed date was taken as, in the words every front end and document uses:
    /// `30 days after the claim`; nil for a firm date.
    public var assumedAs: String? {
        switch self {
        case .given, .approval: nil
        case .assumedAfterApproval: "\(Claim.assumedPaymentDays) days after approval"
        case .assumed: Self.assumption
        }
    }

    /// `30 days after the claim`: what a date assumed with nothing but the claim is.
    public static let assumption = "\(Claim.assumedPaymentDays) days after the claim"
}
