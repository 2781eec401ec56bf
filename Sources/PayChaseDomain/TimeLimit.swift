/// A time limit that runs for a claim, shown from the first step.
public struct TimeLimit: Sendable, Hashable, Codable {
    public var name: String
    public var deadline: CalendarDate

    public init(name: String, deadline: CalendarDate) {
        self.name = name
        self.deadline = deadline
    }
}
