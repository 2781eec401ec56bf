import Foundation
import PayChaseDomain
import PayChaseInput

enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func profile() throws -> PracticeProfile { try ProfileLoader().load(path: path("profile.yaml")) }

    /// The messages a bad file produced, as the user sees them.
    static func problems(_ load: () throws(InputError) -> Void) -> [String] {
        do {
            try load()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
