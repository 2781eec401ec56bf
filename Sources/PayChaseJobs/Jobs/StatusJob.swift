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
        return try report(profile: profile, record: record, claims: claims)
    }

    /// The report over what a job has already read, with the deadlines when the services file
    /// gives schedules (a services file that cannot be read is said, not passed over).
    func report(profile: PracticeProfile, record: RecordView, claims: [Claim]) throws(PayChaseError) -> StatusReport {
        var report = claimsReport(profile: profile, record: record, claims: claims)
        report.deadlines = try DeadlinesJob.list(workspace: workspace, record: record, claims: claims, asOf: asOf)
        return report
    }

    /// The claims' part of the report alone, for jobs that need no deadlines.
    func claimsReport(profile: PracticeProfile, record: RecordView, claims: [Claim]) -> StatusReport {
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
