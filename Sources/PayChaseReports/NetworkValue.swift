import PayChaseDomain

/// A network's value review: per service, which practices deliver it, what each spends to earn
/// a pound of its income (the unit of work: staff time at the practice's own costs per hour,
/// plus direct costs, per £1 of income claimed), and what the network would save if the
/// practice with the lowest cost per pound delivered the others' work by cross-referral.
public struct NetworkValue: Sendable {
    public struct Delivery: Sendable, Hashable {
        public var practice: String
        public var incomeClaimed: Money
        public var cost: Money
        /// Pence of cost per £1 of income, in tenths of a penny; nil without income to divide by.
        public var costPerPoundTenths: Int64?
        /// What this practice spends less what the lowest-cost practice would spend on the same
        /// income; zero for the lowest itself and where there is nothing to compare.
        public var saving: Money = .zero

        /// `48.3p`, or `no income` when nothing was claimed.
        public var costPerPoundText: String {
            guard let tenths = costPerPoundTenths else { return "no income" }
            return "\(tenths / 10).\(tenths % 10)p"
        }
    }

    public struct Service: Sendable, Hashable {
        public var service: String
        public var category: Category
        /// Lowest cost per pound first; practices without income last.
        public var deliveries: [Delivery]
        /// The practice with the lowest cost per pound, when at least two deliver it with income.
        public var lowest: String?
        /// What the others spend, less what the lowest would spend on the same income at its
        /// cost per pound; zero when fewer than two practices can be compared.
        public var saving: Money
    }

    /// Services in the order of the saving, largest first.
    public var services: [Service]

    public var totalSaving: Money { services.reduce(.zero) { $0 + $1.saving } }

    /// Each practice's own value review, by practice name.
    public init(practices: [(name: String, value: ValueAnalysis)]) {
        var byService: [String: [(String, ValueAnalysis.Service)]] = [:]
        for (name, value) in practices {
            for service in value.services { byService[ServiceWorkload.key(service.workload.service), default: []].append((name, service)) }
        }
        services = byService.values.map { entries in
            var deliveries = entries.map { practice, service in
                Delivery(
                    practice: practice,
                    incomeClaimed: service.incomeClaimed,
                    cost: service.totalCost,
                    costPerPoundTenths: service.incomeClaimed > .zero
                        ? Rounded.divide(service.totalCost.pence * 1000, by: service.incomeClaimed.pence) : nil
                )
            }.sorted { a, b in
                switch (a.costPerPoundTenths, b.costPerPoundTenths) {
                case let (x?, y?) where x != y: return x < y
                case (_?, nil): return true
                case (nil, _?): return false
                default: return a.practice < b.practice
                }
            }
            let comparable = deliveries.filter { $0.incomeClaimed > .zero }
            var lowest: String?
            if comparable.count >= 2, let best = Self.cheapest(comparable) {
                lowest = best.practice
                for index in deliveries.indices where deliveries[index].incomeClaimed > .zero && deliveries[index].practice != best.practice {
                    // At the lowest's cost per pound: best.cost × other.income / best.income, to the penny.
                    let product = best.cost.pence.multipliedFullWidth(by: deliveries[index].incomeClaimed.pence)
                    let (quotient, remainder) = best.incomeClaimed.pence.dividingFullWidth(product)
                    let atLowest = remainder * 2 >= best.incomeClaimed.pence ? quotient + 1 : quotient
                    deliveries[index].saving = deliveries[index].cost - Money(pence: atLowest)
                }
            }
            let first = entries[0].1.workload
            let saving = deliveries.reduce(Money.zero) { $0 + $1.saving }
            return Service(service: first.service, category: first.category, deliveries: deliveries, lowest: lowest, saving: saving)
        }.sorted { $0.saving != $1.saving ? $0.saving > $1.saving : $0.service < $1.service }
    }

    /// The lowest cost per pound, compared exactly (cross-multiplied, not rounded).
    private static func cheapest(_ deliveries: [Delivery]) -> Delivery? {
        deliveries.min { a, b in
            let left = a.cost.pence.multipliedFullWidth(by: b.incomeClaimed.pence)
            let right = b.cost.pence.multipliedFullWidth(by: a.incomeClaimed.pence)
            return left != right ? left < right : a.practice < b.practice
        }
    }
}
