import Logging
import PayChaseDomain
import PayChaseOutbox

/// `paychase status`: where each claim stands and what to do next, as of a day.
public struct StatusJob: Sendable {
    public var workspace: Workspace
    public var asOf: CalendarDate

    public init(workspace: Workspace, asOf: CalendarDate) {
        self.workspace = workspace
        self.asOf = asOf
    }

    public func run(logger: Logger) throws(PayChaseError) -> StatusReport {
        let profile = try workspace.loadProfile()
        let claims = try workspace.loadClaims(profile: profile)
        let outbox = OutboxSession(reading: workspace.outbox)
        logger.debug("status", metadata: ["claims": "\(claims.count)", "records": "\(outbox.records.count)"])
        return StatusReport(claims: claims, profile: profile, attempts: outbox.attempts(), asOf: asOf, rates: workspace.bankRates())
    }
}
