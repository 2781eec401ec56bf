import PayChaseDomain

/// One practice's books as the reports read them: its claims (outstanding = amount − paid −
/// payments recorded, as everywhere), and per claim what the record shows was sent, came back
/// and was paid, with the dates of the payments.
public struct PracticeLedger: Sendable {
    /// The practice's name, as a network report lists it.
    public var name: String
    public var practice: Practice
    /// The claims with the payments recorded already counted as paid (`RecordView.counting`).
    public var claims: [Claim]
    public var attempts: [String: [Attempt]]
    public var feedback: [String: ClaimFeedback]
    /// Each paymaster's name in the profile.
    public var paymasterNames: [PaymasterRole: String]
    /// What waiting for money costs the practice (`costs.overdraft_rate`); nil when not given.
    public var overdraftRate: OverdraftRate?

    public init(
        name: String,
        practice: Practice,
        claims: [Claim],
        attempts: [String: [Attempt]] = [:],
        feedback: [String: ClaimFeedback] = [:],
        paymasterNames: [PaymasterRole: String] = [:]
    ) {
        self.name = name
        self.practice = practice
        self.claims = claims
        self.attempts = attempts
        self.feedback = feedback
        self.paymasterNames = paymasterNames
    }

    /// The paymaster's name in the profile, or its role.
    public func name(of paymaster: PaymasterRole) -> String { paymasterNames[paymaster] ?? paymaster.rawValue }

    /// The claims file's `paid`, which has no date: the claim's paid less what the record dates.
    public func undatedPaid(_ claim: Claim) -> Money { claim.paid - (feedback[claim.id]?.paymentsRecorded ?? .zero) }
}

/// Whole-number division rounded to the nearest, halves away from zero.
enum Rounded {
    static func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator > 0)
        let magnitude = (numerator.magnitude * 2 + denominator.magnitude) / (denominator.magnitude * 2)
        return numerator < 0 ? -Int64(magnitude) : Int64(magnitude)
    }
}
