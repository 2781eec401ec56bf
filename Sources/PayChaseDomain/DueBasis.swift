/// Where a claim's due date comes from.
public enum DueBasis: String, Sendable, Hashable, Codable {
    /// The claims file gives `due_on`.
    case given
    /// Worked out from `approved_on` by the profile's payment terms.
    case approval
    /// Neither is known: 30 days after the claim, an assumption the practice should confirm.
    case assumed

    /// A late-payment notice may rest on this date.
    public var isConfirmed: Bool { self != .assumed }

    /// `30 days after the claim`: what an assumed due date is, in the words every front end uses.
    public static let assumption = "\(Claim.assumedPaymentDays) days after the claim"
}
