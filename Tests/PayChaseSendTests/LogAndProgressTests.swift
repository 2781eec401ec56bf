import Foundation
import PayChaseTestSupport
import Testing

extension SendTests {
    @Test func theLogReadsBackAndCatchesTampering() throws {
        let practice = try SendingPractice()
        #expect(try practice.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22").status == 0)

        let table = try practice.paychase("log", "--claim", "L-2026-007")
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.count == 2)
        #expect(
            rows[1].contains("L-2026-007") && rows[1].contains("publichealth@la.example") && rows[1].contains("accepted")
                && rows[1].contains("250 2.0.0 Ok: queued as ")
        )

        let json = try practice.paychase("log", "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 4)

        let intact = try practice.paychase("log", "--verify")
        #expect(intact.status == 0)
        #expect(intact.stdout.hasPrefix("OK: 4 entries"))

        var lines = try practice.folder.read("Outbox/deliveries.jsonl").split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "\"outcome\":\"accepted\"", with: "\"outcome\":\"refused\"")
        try practice.folder.write("Outbox/deliveries.jsonl", lines.joined(separator: "\n") + "\n")
        let edited = try practice.paychase("log", "--verify")
        #expect(edited.status == 65)
        #expect(edited.stderr == "Outbox/deliveries.jsonl:2: was edited (its contents no longer match its hash)\n")
    }

    @Test func progressIsOneLiveLineOnATerminal() throws {
        let practice = try SendingPractice()
        let command = "\(Command.paychase) send chase --overdue --as-of 2026-11-22"
        let result = try Command.run(
            "/usr/bin/script",
            ["-q", "-e", "-c", command, "/dev/null"],
            directory: practice.folder.path,
            environment: practice.folder.environment(practice.passwordEnvironment)
        )
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\r[1/4] 1 accepted, 0 deferred, 0 refused"))
        #expect(result.stdout.contains("\r[4/4] 4 accepted, 0 deferred, 0 refused"))
        #expect(!result.stdout.contains("[1/4] accepted: "), "no plain lines on a terminal")
    }
}

extension SendTests {
    @Test func theAppealArrivesWithItsLetterAttached() throws {
        let practice = try SendingPractice()
        let result = try practice.paychase("send", "appeal", "--claim", "Q-2026-001", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        let messageID = try #require(try practice.logEntries().first?["message_id"] as? String)
        #expect(practice.rig.waitForDelivery(to: "nelicb.primarycare@nhs.example", count: 1))
        try practice.rig.waitUntilPostfixIdle()
        let arrived = try #require(
            practice.rig.deliveredFiles(to: "nelicb.primarycare@nhs.example").first {
                (try? String(contentsOfFile: $0, encoding: .utf8))?.contains(messageID) == true
            }
        )
        let parsed = try ParsedEmail.parse(path: arrived)
        let attachment = try #require(parsed.attachments.first)
        #expect(attachment.filename == "Q-2026-001-appeal.pdf")
        let pdf = practice.folder.path + "/Outbox/drafts/Q-2026-001/appeal.pdf"
        #expect(attachment.sha256 == String(try Command.run("/usr/bin/sha256sum", [pdf]).stdout.prefix(64)))
    }
}
