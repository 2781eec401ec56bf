import Foundation
import Logging
import PayChaseDomain
import PayChaseJobs
import PayChaseTestSupport
import Testing

extension SendTests {
    /// The same document to the same claim is held back for 14 days, then goes again by itself:
    /// sent on 23 November, blocked on 6 December (day 13), sent on 7 December (day 14).
    @Test func theResendGuardLapsesOnDay14() throws {
        let practice = try SendingPractice()
        let workspace = Workspace(
            configPath: practice.folder.path + "/paychase.yaml",
            claimsPath: practice.folder.path + "/claims.csv",
            templatesPath: nil,
            builtinTemplatesPath: TestPaths.templates.path,
            outboxPath: practice.folder.path + "/Outbox"
        )
        let logger = Logger(label: "paychase-tests") { _ in SwiftLogNoOpLogHandler() }
        var options = SendJob.Options()
        options.environment = practice.passwordEnvironment
        let sentOn = CalendarDate(year: 2026, month: 11, day: 23)!
        /// Noon in London on `sentOn` + `days`, as the job's day and its clock.
        func send(after days: Int) throws -> SendResult {
            let clock = WallClock.fixed(Date(timeIntervalSince1970: 1_795_435_200 + Double(days) * 86_400))
            return try SendJob(
                workspace: workspace,
                source: .template("chase", .ids(["D-2026-014"])),
                asOf: sentOn.adding(days: days),
                options: options
            )
            .run(logger: logger, clock: clock)
        }

        let first = try send(after: 0)
        #expect(first.queued == 1 && first.accepted == 1, "\(first)")
        let messageID = try practice.sentMessageID("D-2026-014")

        let day13 = try send(after: SendJob.resendGuardDays - 1)
        #expect(day13.queued == 0 && day13.attempted == 0)
        #expect(day13.notes == [.sentRecently(claimID: "D-2026-014", template: "chase", sentOn: sentOn, messageID: messageID)])

        let day14 = try send(after: SendJob.resendGuardDays)
        #expect(day14.notes.isEmpty, "\(day14.notes)")
        #expect(day14.queued == 1 && day14.accepted == 1)
        #expect(try practice.logEntries().map { $0["outcome"] as? String } == ["accepted", "accepted"])
        #expect(try practice.logEntries().last?["time"] as? String == "2026-12-07T12:00:00.000Z")
    }
}
