import Foundation
import Logging
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

    /// Noon on 23 November 2026, London.
    static let clock = WallClock.fixed(Date(timeIntervalSince1970: 1_795_435_200))
}
