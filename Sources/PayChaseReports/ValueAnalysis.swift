import PayChaseDomain

/// The service value review: per service the practice delivers, the income it claimed and
/// received over the year against the staff time and costs it takes, ranked by net income per
/// hour of work, with what delegating work (GP to nurse, nurse to HCA) would change.
public struct ValueAnalysis: Sendable {
    public struct Service: Sendable, Hashable {
        public var workload: ServiceWorkload
        /// Claims for the service submitted in the year.
        public var claims: Int
        public var incomeClaimed: Money
        /// Of that, what has been received (claims file and payments recorded).
        public var incomeReceived: Money
        /// Staff hours at the profile's costs per hour.
        public var staffCost: Money
        public var totalCost: Money { staffCost + workload.directCosts }
        /// Income claimed less staff cost and direct costs.
        public var net: Money { incomeClaimed - totalCost }
        /// Income claimed per hour of work; nil for a service that takes no staff time.
        public var incomePerHour: Money?
        public var netPerHour: Money?
        /// The cost saved if the nurse did all the GP hours (at the nurse's rate).
        public var gpToNurseSaving: Money
        /// The cost saved if HCAs did all the nurse hours.
        public var nurseToHCASaving: Money
        /// Net income once both were done.
        public var netDelegated: Money { net + gpToNurseSaving + nurseToHCASaving }
        /// Income claimed covers the staff time and direct costs.
        public var paysForItsWork: Bool { net >= .zero }
    }

    public var from: CalendarDate
    public var asOf: CalendarDate
    /// Ranked: most net income per hour first; services with no hours last, by net income.
    public var services: [Service]
    /// Services claimed in the year that `services.csv` does not list, with the income claimed.
    public var unlisted: [(service: String, income: Money)]

    /// Income counts the claims submitted in the year up to and including `asOf`.
    public init(workloads: [ServiceWorkload], claims: [Claim], costs: StaffCosts, asOf: CalendarDate) {
        self.asOf = asOf
        let start = asOf.adding(years: -1).adding(days: 1)
        from = start
        let year = claims.filter { $0.submittedOn >= start && $0.submittedOn <= asOf }
        let byService = Dictionary(grouping: year) { ServiceWorkload.key($0.service) }
        services = Self.ranked(
            workloads.map { workload in
                let claimed = byService[ServiceWorkload.key(workload.service)] ?? []
                let income = claimed.reduce(.zero) { $0 + $1.amount }
                let staff = workload.cost(at: costs) - workload.directCosts
                let hours = workload.totalHours
                let net = income - staff - workload.directCosts
                return Service(
                    workload: workload,
                    claims: claimed.count,
                    incomeClaimed: income,
                    incomeReceived: claimed.reduce(.zero) { $0 + $1.amount - $1.outstanding },
                    staffCost: staff,
                    incomePerHour: Self.perHour(income, hours),
                    netPerHour: Self.perHour(net, hours),
                    gpToNurseSaving: workload[.gp].cost(at: costs[.gp]) - workload[.gp].cost(at: costs[.nurse]),
                    nurseToHCASaving: workload[.nurse].cost(at: costs[.nurse]) - workload[.nurse].cost(at: costs[.hca])
                )
            }
        )
        let listed = Set(workloads.map { ServiceWorkload.key($0.service) })
        unlisted = byService.filter { !listed.contains($0.key) }.map { _, claims in
            (claims[0].service, claims.reduce(.zero) { $0 + $1.amount })
        }.sorted { $0.service < $1.service }
    }

    /// The services that do not pay for their work.
    public var losing: [Service] { services.filter { !$0.paysForItsWork } }

    static func perHour(_ money: Money, _ hours: Hours) -> Money? {
        hours > .zero ? Money(pence: Rounded.divide(money.pence * 100, by: hours.hundredths)) : nil
    }

    private static func ranked(_ services: [Service]) -> [Service] {
        services.sorted { a, b in
            switch (a.netPerHour, b.netPerHour) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.net != b.net ? a.net > b.net : a.workload.service < b.workload.service
            }
        }
    }
}
