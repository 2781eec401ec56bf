import Foundation
import PayChaseTestSupport
import Testing

struct TemplatesCommandTests {
    @Test func listsTheTemplatesAndTheirVariables() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("templates")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for name in ["chase", "appeal", "lmc-referral", "late-payment-notice", "formal-complaint", "dispute-resolution"] {
            #expect(lines.contains { $0.hasPrefix("\(name): ") }, "\(name) is listed")
        }
        #expect(lines.contains { $0.hasPrefix("appeal: email + letter to commissioner (only for claims under the GP contract)") })
        let chaseVariables = try #require(lines.firstIndex { $0.hasPrefix("chase: ") }.map { lines[$0 + 1] })
        #expect(chaseVariables.contains("claim.outstanding"))
        #expect(chaseVariables.contains("attempts.date"))
    }

    @Test func builtInsAreFoundFromAnyFolder() throws {
        let folder = try PracticeFolder()
        let elsewhere = try TestPaths.temporaryDirectory()
        let result = try Command.run(
            Command.paychase,
            ["check", "--config", folder.path + "/paychase.yaml", "--claims", folder.path + "/claims.csv"],
            directory: elsewhere.path,
            environment: ["PATH": "/usr/bin:/bin"]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("; 11 templates\n"))
    }
}
