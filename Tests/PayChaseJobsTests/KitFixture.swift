import Foundation
import Logging
import PayChaseDomain
import PayChaseJobs
import PayChaseTestSupport

/// The example practice in a temporary folder, worked on in-process the way the web service will.
struct KitFixture {
    let folder: PracticeFolder
    let workspace: Workspace
    let logger = Logger(label: "paychase-tests") { _ in SwiftLogNoOpLogHandler() }

    init() throws {
        folder = try PracticeFolder()
        workspace = Workspace(
            configPath: folder.path + "/paychase.yaml",
            claimsPath: folder.path + "/claims.csv",
            templatesPath: nil,
            builtinTemplatesPath: TestPaths.templates.path,
            outboxPath: folder.path + "/Outbox"
        )
    }

    /// The appeal for `claim` printed and its posting recorded (first class): one record entry.
    func postAppeal(for claim: String, on day: CalendarDate, clock: WallClock = .system) throws {
        _ = try PrintJob(workspace: workspace, template: "appeal", selection: .ids([claim]), asOf: day, printer: nil).run(logger: logger)
        _ = try PostingJob(workspace: workspace, template: "appeal", claimIDs: [claim], postedOn: day, method: "first class", tracking: nil)
            .run(logger: logger, clock: clock)
    }

    /// Noon on 23 November 2026, London.
    static let clock = WallClock.fixed(Date(timeIntervalSince1970: 1_795_435_200))
}
