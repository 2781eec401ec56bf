/// One service as the practice's `services.csv` describes its work over a year: the staff hours
/// by role it takes, and what else it costs.
public struct ServiceWorkload: Sendable, Hashable {
    public var service: String
    public var category: Category
    public var hours: [StaffRole: Hours]
    /// Consumables, devices, sessions bought in: costs that are not staff time.
    public var directCosts: Money
    /// When and where it is claimed, where `services.csv` says.
    public var schedule: ClaimSchedule?
    /// The line of `services.csv` it comes from, for messages.
    public var line: Int

    public init(
        service: String,
        category: Category,
        hours: [StaffRole: Hours],
        directCosts: Money = .zero,
        schedule: ClaimSchedule? = nil,
        line: Int = 0
    ) {
        self.service = service
        self.category = category
        self.hours = hours
        self.directCosts = directCosts
        self.schedule = schedule
        self.line = line
    }

    public subscript(role: StaffRole) -> Hours { hours[role] ?? .zero }

    public var totalHours: Hours { StaffRole.allCases.reduce(.zero) { $0 + self[$1] } }

    /// Staff time at the practice's costs per hour, plus the direct costs.
    public func cost(at costs: StaffCosts) -> Money {
        StaffRole.allCases.reduce(directCosts) { $0 + self[$1].cost(at: costs[$1]) }
    }

    /// Claims are matched to a service by name, ignoring case and surrounding spaces.
    public static func key(_ service: String) -> String { service.trimmingSpaces().lowercased() }
}
