import PayChaseDomain

/// What is owed, by how long past its due date, overall and per paymaster: the one working-out
/// of aged debt, for the cash-flow report's table and chart and for the dashboard's.
public struct AgedDebt: Sendable, Codable {
    public struct Paymaster: Sendable, Hashable, Codable {
        /// The paymaster's role, as the claims name it (`icb`).
        public var key: String
        public var name: String
        /// Outstanding per band, indexed by `AgeBucket.rawValue`.
        public var byAge: [Money]
        public var claims: Int

        public subscript(bucket: AgeBucket) -> Money { byAge[bucket.rawValue] }
    }

    /// In the order each was first owed something.
    public private(set) var paymasters: [Paymaster] = []
    /// Over every paymaster, per band.
    public private(set) var byAge = AgedDebt.zeros
    public private(set) var claimsByAge = [Int](repeating: 0, count: AgeBucket.allCases.count)
    private var place: [String: Int] = [:]

    static let zeros = [Money](repeating: .zero, count: AgeBucket.allCases.count)

    public init() {}

    /// Adds a claim with `outstanding` owed `daysOverdue` days past its due date; nothing when
    /// nothing is owed.
    public mutating func add(_ outstanding: Money, daysOverdue: Int, paymaster key: String, name: @autoclosure () -> String) {
        guard outstanding > .zero else { return }
        let band = AgeBucket(daysOverdue: daysOverdue).rawValue
        byAge[band] += outstanding
        claimsByAge[band] += 1
        let at: Int
        if let known = place[key] {
            at = known
        } else {
            at = paymasters.count
            place[key] = at
            paymasters.append(Paymaster(key: key, name: name(), byAge: Self.zeros, claims: 0))
        }
        paymasters[at].byAge[band] += outstanding
        paymasters[at].claims += 1
    }

    /// Adds another practice's aged debt: the same paymaster (by key) in both is one bar.
    public mutating func add(_ other: AgedDebt) {
        for band in byAge.indices {
            byAge[band] += other.byAge[band]
            claimsByAge[band] += other.claimsByAge[band]
        }
        for paymaster in other.paymasters {
            if let at = place[paymaster.key] {
                for band in byAge.indices { paymasters[at].byAge[band] += paymaster.byAge[band] }
                paymasters[at].claims += paymaster.claims
            } else {
                place[paymaster.key] = paymasters.count
                paymasters.append(paymaster)
            }
        }
    }

    public subscript(bucket: AgeBucket) -> Money { byAge[bucket.rawValue] }
}
