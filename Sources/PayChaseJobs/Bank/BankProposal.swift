import PayChaseDomain

/// What a bank credit pays, as the matcher proposes it, and how sure it is.
public struct BankProposal: Sendable, Hashable {
    public enum Certainty: String, Sendable, Hashable, Comparable {
        /// A claim id or reference in the description, and the amount is what it owes (or a
        /// part the description declares): `--record` records it.
        case certain
        /// The paymaster is named and the amount fits one claim; or a named claim paid in part.
        case likely
        /// Only the amount fits.
        case possible

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
        var rank: Int {
            switch self {
            case .certain: 0
            case .likely: 1
            case .possible: 2
            }
        }
    }

    /// One claim's share of the credit.
    public struct Share: Sendable, Hashable {
        public var claimID: String
        public var amount: Money
        /// What remains owed on the claim after this share: a shortfall when above zero.
        public var remaining: Money
    }

    public var credit: BankCredit
    public var shares: [Share]
    public var certainty: Certainty
    /// Why: "claim id Q-2026-001 in the description; the amount is its outstanding".
    public var reason: String

    /// Which claims get how much, as the page showed it: `Q-1:348000,D-2:1000`. Confirming a
    /// proposal checks it is still this.
    public var signature: String { shares.map { "\($0.claimID):\($0.amount.pence)" }.joined(separator: ",") }

    /// A part payment leaves this much owed on its claim.
    public var shortfall: Money? {
        let left = shares.reduce(Money.zero) { $0 + $1.remaining }
        return left > .zero ? left : nil
    }
}

/// A credit the matcher could not place, and why.
public struct UnplacedCredit: Sendable, Hashable {
    public var credit: BankCredit
    public var reason: String
}
