/// When and where a service is claimed, as `services.csv` gives it: how often, by when each
/// period's claim (and its evidence) is due, where claims go, and from when the practice has
/// delivered it.
public struct ClaimSchedule: Sendable, Hashable {
    public var frequency: ClaimFrequency
    public var claimBy: DeadlineRule
    /// When the evidence is due, where it is due apart from the claim; nil: with the claim.
    public var evidenceBy: DeadlineRule?
    /// Where claims go: `CQRS`, the council's portal, an email address.
    public var claimTo: String?
    /// The first day the practice delivered the service; nil: from its first claim in the
    /// claims file, or this financial year when there is none.
    public var since: CalendarDate?
    /// What a period usually brings in; nil: the middle of the service's claims.
    public var periodIncome: Money?

    public init(
        frequency: ClaimFrequency,
        claimBy: DeadlineRule,
        evidenceBy: DeadlineRule? = nil,
        claimTo: String? = nil,
        since: CalendarDate? = nil,
        periodIncome: Money? = nil
    ) {
        self.frequency = frequency
        self.claimBy = claimBy
        self.evidenceBy = evidenceBy
        self.claimTo = claimTo
        self.since = since
        self.periodIncome = periodIncome
    }
}
