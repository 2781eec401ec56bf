import Foundation
import Logging
import PayChaseDomain

/// `paychase calendar`: every dated step ahead (next steps, replies due, time limits, pause ends)
/// as an iCalendar file Outlook can import or subscribe to.
public struct CalendarJob: Sendable {
    public var workspace: Workspace
    public var asOf: CalendarDate

    public init(workspace: Workspace, asOf: CalendarDate) {
        self.workspace = workspace
        self.asOf = asOf
    }

    public struct Result: Sendable {
        public var events: [DeadlineEvent]
        /// The services' claim deadlines, where services.csv schedules them: the missed ones too.
        public var deadlines: DeadlineList?
        /// The iCalendar text (CRLF line ends).
        public var text: String
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> Result {
        let profile = try workspace.loadProfile()
        let (record, claims) = try workspace.readRecordAndClaims(profile: profile)
        let report = try StatusJob(workspace: workspace, asOf: asOf).report(profile: profile, record: record, claims: claims)
        let events = DeadlineEvent.ahead(report, attempts: record.attempts, replyDays: profile.replyDays)
        logger.debug("calendar", metadata: ["events": "\(events.count)"])
        return Result(events: events, deadlines: report.deadlines, text: ICalendarText.text(events, practice: profile.practice, stamp: clock.now()))
    }
}
