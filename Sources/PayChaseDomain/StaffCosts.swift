/// What an hour of each role costs the practice (pay, on-costs), from the profile's `costs:`.
public struct StaffCosts: Sendable, Hashable {
    public var perHour: [StaffRole: Money]

    public init(perHour: [StaffRole: Money]) { self.perHour = perHour }

    public subscript(role: StaffRole) -> Money { perHour[role] ?? .zero }
}
