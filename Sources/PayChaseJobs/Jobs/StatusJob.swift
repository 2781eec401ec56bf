import Logging
import PayChaseDomain

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
        let (record, claims) = try workspace.readRecordAndClaims(profile: profile)
        logger.debug("status", metadata: ["claims": "\(claims.count)", "record entries": "\(record.head.entries)"])
        return report(profile: profile, record: record, claims: claims)
    }

    /// The report over what a job has already read.
    func report(profile: PracticeProfile, record: RecordView, claims: [Claim]) -> StatusReport {
        StatusReport(
            claims: claims,
            profile: profile,
            attempts: record.attempts,
            feedback: record.feedback,
            asOf: asOf,
            rates: workspace.bankRates()
        )
    }
}
