/// Every period of every scheduled service, as of a day, whose claim or evidence is due or was
/// missed: what `paychase deadlines` lists, the dashboard's fortnight and the calendar carry,
/// and the value review counts as left unclaimed. A period is claimed when a claim for the
/// service covers it (a year's claim covers its quarters and months).
public struct DeadlineList: Sendable, Codable {
    /// A service claimed item by item: no periods to count, only its rule to remind of.
    public struct PerItem: Sendable, Hashable, Codable {
        public var service: String
        public var claimBy: DeadlineRule
        public var claimTo: String?
    }

    /// A claim for a scheduled service whose period could not be read, so it counts for none.
    public struct UnreadPeriod: Sendable, Hashable, Codable {
        public var claimID: String
        public var service: String
        public var period: String
        public var line: Int
    }

    public var asOf: CalendarDate
    /// Deadlines on or after `asOf`, soonest first.
    public var due: [PeriodDeadline] = []
    /// Deadlines before `asOf` with nothing done, oldest first.
    public var missed: [PeriodDeadline] = []
    public var perItem: [PerItem] = []
    public var unreadPeriods: [UnreadPeriod] = []

    /// Periods past their deadline with no claim: what the practice is leaving behind.
    public var unclaimed: [PeriodDeadline] { missed.filter { $0.kind == .claim } }

    /// What the periods not claimed usually bring, over those whose income is known (for a
    /// period partly claimed, the months left).
    public var unclaimedIncome: Money { unclaimed.reduce(.zero) { $0 + ($1.unclaimedIncome ?? .zero) } }

    /// The deadlines in the `days` days from `asOf` (that day included).
    public func due(within days: Int) -> [PeriodDeadline] { due.filter { $0.daysLeft < days } }

    /// The list for `services` (those with a schedule) against `claims`, as of `asOf`.
    /// `evidenceSent` gives, per claim id, the day the record proves its evidence reached the
    /// commissioner (an evidence submission the server accepted); otherwise the claim's own
    /// `evidence_submitted_on` counts.
    public init(services: [ServiceWorkload], claims: [Claim], evidenceSent: [String: CalendarDate] = [:], asOf: CalendarDate) {
        self.asOf = asOf
        let byService = Dictionary(grouping: claims, by: { ServiceWorkload.key($0.service) })
        for service in services {
            guard let schedule = service.schedule else { continue }
            let claimed = byService[ServiceWorkload.key(service.service)] ?? []
            guard schedule.frequency != .perItem else {
                perItem.append(PerItem(service: service.service, claimBy: schedule.claimBy, claimTo: schedule.claimTo))
                continue
            }
            var covering: [(claim: Claim, period: ClaimPeriod)] = []
            for claim in claimed {
                if let period = ClaimPeriod(parsing: claim.period) {
                    covering.append((claim, period))
                } else {
                    unreadPeriods.append(UnreadPeriod(claimID: claim.id, service: service.service, period: claim.period, line: claim.line))
                }
            }
            // What each claim says the service brings for one of its periods: a year's claim for a
            // quarterly service, a quarter of its amount; a month's claim, three times it.
            let months = schedule.frequency.months ?? 1
            let usual = schedule.periodIncome ?? Self.middle(covering.map { $0.claim.amount.scaled(by: months, over: $0.period.months) })
            let firstDay = schedule.since ?? covering.map(\.period.start).min() ?? ClaimPeriod.financialYear(of: asOf).start
            var period = ClaimPeriod.containing(firstDay, frequency: schedule.frequency)!
            let first = period.start
            let spans = covering.map(\.period).sorted()
            func add(_ kind: PeriodDeadline.Kind, _ period: ClaimPeriod, _ deadline: CalendarDate, claim: Claim?) {
                let item = PeriodDeadline(
                    service: service.service,
                    category: service.category,
                    frequency: schedule.frequency,
                    period: period,
                    kind: kind,
                    deadline: deadline,
                    daysLeft: asOf.days(until: deadline),
                    claimTo: schedule.claimTo,
                    usualIncome: kind == .claim ? usual : nil,
                    monthsUnclaimed: kind == .claim ? Self.monthsUncovered(period, by: spans) : nil,
                    claimID: claim?.id
                )
                if item.passed { missed.append(item) } else { due.append(item) }
            }
            // A period is claimed when the claims for it cover every day of it between them
            // (three monthly claims cover their quarter; a year's claim its quarters).
            while period.start <= asOf {
                if !Self.covered(period, by: spans) { add(.claim, period, schedule.claimBy.deadline(for: period), claim: nil) }
                period = period.next
            }
            // A claim's evidence is due once, by its own period's deadline (claims for periods
            // before the service's start are not the schedule's to judge).
            for (claim, claimed) in covering
            where claimed.end >= first && claim.outstanding > .zero && (claim.evidence != nil || schedule.evidenceBy != nil) {
                guard evidenceSent[claim.id] == nil, claim.evidenceSubmittedOn == nil else { continue }
                add(.evidence, claimed, (schedule.evidenceBy ?? schedule.claimBy).deadline(for: claimed), claim: claim)
            }
        }
        let order: (PeriodDeadline, PeriodDeadline) -> Bool = {
            ($0.deadline, $0.period, $0.service, $0.kind.rawValue) < ($1.deadline, $1.period, $1.service, $1.kind.rawValue)
        }
        due.sort(by: order)
        missed.sort(by: order)
    }

    /// Whether `spans` (sorted) cover every day of `period` between them.
    static func covered(_ period: ClaimPeriod, by spans: [ClaimPeriod]) -> Bool {
        var reached = period.start.adding(days: -1)
        for span in spans where span.end >= period.start && span.start <= period.end {
            guard span.start <= reached.adding(days: 1) else { return false }
            if span.end > reached { reached = span.end }
            if reached >= period.end { return true }
        }
        return reached >= period.end
    }

    /// How many of `period`'s months `spans` (sorted) leave with a day uncovered.
    static func monthsUncovered(_ period: ClaimPeriod, by spans: [ClaimPeriod]) -> Int {
        (0..<period.months).count { !covered(ClaimPeriod.month(of: period.start.adding(months: $0)), by: spans) }
    }

    /// The middle of the amounts (the lower of the two middles for an even count); nil for none.
    static func middle(_ amounts: [Money]) -> Money? {
        guard !amounts.isEmpty else { return nil }
        return amounts.sorted()[(amounts.count - 1) / 2]
    }
}
