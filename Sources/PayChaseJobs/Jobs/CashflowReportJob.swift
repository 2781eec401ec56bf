import Logging
import PayChaseConcurrency
import PayChaseDomain
import PayChaseReports

/// `paychase report cashflow`: cash flow and aged debt as of a day, for one practice or for
/// every practice of a network folder together.
public struct CashflowReportJob: Sendable {
    /// One practice, or a network's practices (`Workspace.practices(in:)`).
    public var workspaces: [Workspace]
    public var asOf: CalendarDate

    public init(workspaces: [Workspace], asOf: CalendarDate) {
        self.workspaces = workspaces
        self.asOf = asOf
    }

    public func run(logger: Logger) throws(PayChaseError) -> CashflowReport {
        // The Bank Rate table is read beside the practices' books, which do not need it.
        let first = workspaces.first
        let (rates, ledgers) = try ParallelMap.both(
            { () throws(PayChaseError) in first?.bankRates() },
            { () throws(PayChaseError) in
                try Workspace.each(workspaces) { workspace throws(PayChaseError) in try workspace.ledger(profile: try workspace.loadProfile()) }
            }
        )
        let analysis = CashflowAnalysis(ledgers: ledgers, asOf: asOf, rates: rates)
        logger.debug("cashflow", metadata: ["practices": "\(ledgers.count)", "claims": "\(ledgers.reduce(0) { $0 + $1.claims.count })"])
        let report = CashflowReport(analysis: analysis)
        Discard.later(ledgers)
        return report
    }
}
