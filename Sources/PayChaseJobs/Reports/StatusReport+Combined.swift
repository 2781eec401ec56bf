import PayChaseDomain

extension StatusReport {
    /// Several practices' reports as one (an LMC's or a federation's view): every claim, and
    /// each practice's totals per paymaster.
    public init(combining reports: [StatusReport], asOf: CalendarDate) {
        self.asOf = asOf
        rows = reports.flatMap(\.rows)
        totals = reports.flatMap(\.totals)
    }
}
