import Foundation
import PayChaseTestSupport
import Testing

/// A practice folder written by the version that landed before the record had typed entries
/// (fcddffe and 5138b7d's format): four chases sent through Postfix and filed in Sent, a bounce,
/// a read receipt, a reply and an out-of-office read back over IMAP, a deferral, two payments,
/// a repair, a posted letter and an uncertain email confirmed delivered. The outputs in
/// `golden/` were printed by that version; this one must verify the record and read it the same.
/// Two deliberate changes since, both of the law, not of reading the record: the profile now
/// states `payment_terms` (30 days, as that version assumed), and P-2026-003's statutory interest
/// in `status` runs from the day after the relevant day of s4(2D) (issue 19.4: £145.44, not £144.75).
struct LandedRecordTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/landed")

    func landedPractice() throws -> PracticeFolder {
        let folder = try PracticeFolder()
        for name in ["paychase.yaml", "claims.csv"] {
            try folder.write(name, try String(contentsOf: Self.fixture.appendingPathComponent(name), encoding: .utf8))
        }
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("outbox"), to: folder.url.appendingPathComponent("Outbox"))
        return folder
    }

    func golden(_ name: String) throws -> String {
        try String(contentsOf: Self.fixture.appendingPathComponent("golden/" + name), encoding: .utf8)
    }

    @Test func theLandedRecordVerifiesWithEveryEmailItWitnessed() throws {
        let folder = try landedPractice()
        let before = try folder.read("Outbox/deliveries.jsonl")
        let emails = folder.files(under: "Outbox/sent").map { folder.path + "/" + $0 }
        #expect(emails.count == 5)
        let result = try folder.paychase(["log", "--verify", "--against"] + emails)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("OK: 18 entries"))
        #expect(result.stdout.components(separatedBy: ": agrees: the record still holds entry").count == 6)
        #expect(try folder.read("Outbox/deliveries.jsonl") == before, "reading and verifying writes nothing")
    }

    @Test(arguments: [
        (["log", "--json"], "log.json"),
        (["log"], "log.txt"),
        (["status", "--json", "--as-of", "2026-11-25"], "status.json"),
        (["status", "--as-of", "2026-11-25"], "status.txt"),
    ])
    func theLandedRecordReadsTheSame(arguments: [String], golden name: String) throws {
        let folder = try landedPractice()
        let result = try folder.paychase(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try golden(name)), "\(arguments.joined(separator: " ")) differs from what the landed version printed")
    }

    @Test(arguments: ["D-2026-014", "L-2026-007"])
    func theEvidencePackTellsTheSameStory(claim: String) throws {
        let folder = try landedPractice()
        #expect(try folder.paychase("evidence", claim).status == 0)
        let text = try Command.run("/usr/bin/pdftotext", ["-layout", folder.path + "/Outbox/evidence/\(claim)/evidence.pdf", "-"]).stdout
        // Everything but the moment the pack was made.
        func story(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.contains("This pack was made by PayChase on") } }
        #expect(story(text) == story(try golden("evidence-\(claim).txt")))
    }

    @Test func anEntryAddedNowChainsOnToTheLandedRecord() throws {
        let folder = try landedPractice()
        #expect(try folder.paychase("payment", "P-2026-003", "10.00", "--on", "2026-11-26").status == 0)
        let result = try folder.paychase("log", "--verify")
        #expect(result.status == 0 && result.stdout.hasPrefix("OK: 19 entries"), "\(result.stdout)\(result.stderr)")
    }
}
