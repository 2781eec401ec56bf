import Foundation
import PayChaseTestSupport
import Testing

@testable import PayChaseOutbox

struct InFlightWindowTests {
    func journal(boot: String, ids: [String], lines: [String]) throws -> String {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent(".inflight").path
        let header = String(decoding: try JSONEncoder().encode(InFlightWindow.Header(bootID: boot, ids: ids)), as: UTF8.self)
        try ([header] + lines).map { $0 + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func afterAKilledProcessOnlyTheMessageBeingHandedOverIsInDoubt() throws {
        let path = try journal(
            boot: InFlightWindow.currentBootID,
            ids: ["a", "b", "c", "d"],
            lines: [
                "committing a", "settled a", "committing b", "settled b", "committing c",
            ]
        )
        #expect(InFlightWindow.inDoubt(at: path) == ["c"])
    }

    @Test func afterAPowerCutTheWholeWindowIsInDoubt() throws {
        let path = try journal(boot: "another-boot", ids: ["a", "b", "c", "d"], lines: ["committing a", "settled a"])
        #expect(InFlightWindow.inDoubt(at: path) == ["a", "b", "c", "d"])
    }

    @Test func noJournalMeansNothingInDoubt() {
        #expect(InFlightWindow.inDoubt(at: "/nonexistent/.inflight").isEmpty)
    }
}
