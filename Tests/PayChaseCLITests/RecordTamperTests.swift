import Foundation
import PayChaseTestSupport
import Testing

/// A record that does not verify stops everything that would add to it or act on it, until the
/// practice repairs it explicitly; a line a crash cut off is told apart by the head.
struct RecordTamperTests {
    static let environment = ["PAYCHASE_IMAP_PASSWORD": "unused"]

    /// Two letters recorded as posted: a record of two entries; and an email held as uncertain
    /// in the queue (the server may have it), with a mailbox to read receipts from.
    func practiceWithTwoPostings() throws -> PracticeFolder {
        let folder = try PracticeFolder()
        try folder.configureSMTP(url: "smtp://127.0.0.1:1", username: nil, caFile: nil)
        try folder.write(
            "paychase.yaml",
            try folder.read("paychase.yaml")
                + "imap:\n  url: imaps://127.0.0.1:1\n  username: manager@riverside.example\n  password_env: PAYCHASE_IMAP_PASSWORD\n"
        )
        for claim in ["D-2026-014", "Q-2026-001"] {
            #expect(try folder.paychase("print", "appeal", "--claim", claim, "--as-of", "2026-11-22").status == 0)
            #expect(try folder.paychase("record-posting", "appeal", "--claim", claim, "--on", "2026-11-23").status == 0)
        }
        #expect(try folder.paychase("send", "chase", "--claim", "P-2026-003", "--as-of", "2026-11-22").status == 69, "nothing listens on port 1")
        let facts = try #require(folder.files(under: "Outbox/queue").first { $0.hasSuffix(".json") })
        try folder.write(facts, try folder.read(facts).replacingOccurrences(of: "\"state\" : \"queued\"", with: "\"state\" : \"uncertain\""))
        #expect(try folder.paychase("queue").stdout.contains(" uncertain "))
        #expect(try folder.paychase("log", "--verify").stdout.hasPrefix("OK: 2 entries"))
        return folder
    }

    /// The uncertain message's queue id.
    func heldID(_ folder: PracticeFolder) throws -> String {
        let facts = try #require(folder.files(under: "Outbox/queue").first { $0.hasSuffix(".json") })
        return String(facts.split(separator: "/").last!.dropLast(5))
    }

    /// Every command that would add to the record or act on it exits 65 naming the problem,
    /// and the record, the queue and the rest of the Outbox are left exactly as they were.
    func expectRefused(_ folder: PracticeFolder, problem: String) throws {
        let before = try? folder.read("Outbox/deliveries.jsonl")
        let files = folder.files(under: "Outbox")
        let commands: [[String]] = [
            ["record-posting", "appeal", "--claim", "D-2026-014", "--on", "2026-11-24"],
            ["send", "chase", "--claim", "L-2026-007", "--as-of", "2026-11-22"],
            ["send", "--queued", "--resend-uncertain"],
            ["draft", "chase", "--claim", "L-2026-007", "--as-of", "2026-11-22"],
            ["print", "letter-before-claim", "--claim", "L-2026-007", "--as-of", "2026-11-22"],
            ["payment", "D-2026-014", "100.00", "--on", "2026-11-24"],
            ["receipts"],
            ["evidence", "D-2026-014"],
            ["status", "--as-of", "2026-11-22"],
            ["queue"],
            ["queue", "--delivered", try heldID(folder)],
            ["check", "--as-of", "2026-11-22"],
        ]
        for command in commands {
            let result = try Command.run(Command.paychase, command, directory: folder.path, environment: folder.environment(Self.environment))
            #expect(result.status == 65, "\(command.joined(separator: " ")): \(result.stderr)")
            #expect(result.stderr.contains(problem), "\(command.joined(separator: " ")): \(result.stderr)")
            #expect(result.stderr.contains("'paychase log --repair'"), "\(command.joined(separator: " ")): \(result.stderr)")
        }
        #expect((try? folder.read("Outbox/deliveries.jsonl")) == before, "nothing repaired the record by itself")
        #expect(folder.files(under: "Outbox") == files, "nothing was queued, sent, drafted, printed or packed")
        #expect(try folder.paychase("log", "--verify").status == 65)
    }

    /// Each command of `expectRefused` goes ahead once the record verifies (so the refusals
    /// above are the record's doing, not the command's).
    @Test func theSameCommandsGoAheadOnARecordThatVerifies() throws {
        let folder = try practiceWithTwoPostings()
        let outcomes: [([String], Int32)] = [
            (["print", "letter-before-claim", "--claim", "L-2026-007", "--as-of", "2026-11-22"], 0),
            (["payment", "D-2026-014", "100.00", "--on", "2026-11-24"], 0),
            (["receipts"], 69),
            (["evidence", "D-2026-014"], 0),
            (["send", "--queued"], 75),
            (["queue", "--delivered", try heldID(folder)], 0),
        ]
        for (command, status) in outcomes {
            let result = try Command.run(Command.paychase, command, directory: folder.path, environment: folder.environment(Self.environment))
            #expect(result.status == status, "\(command.joined(separator: " ")): \(result.stderr)")
        }
    }

    @Test func aRemovedLastLineStopsEverythingUntilRepaired() throws {
        let folder = try practiceWithTwoPostings()
        let original = try folder.read("Outbox/deliveries.jsonl")
        let firstLine = original.split(separator: "\n")[0] + "\n"
        try folder.write("Outbox/deliveries.jsonl", String(firstLine))
        try expectRefused(folder, problem: "deliveries.jsonl:2: 1 newest entry was removed")

        let repaired = try folder.paychase("log", "--repair")
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout.hasPrefix("Repaired: Outbox/deliveries.jsonl:2: 1 newest entry was removed. Kept the 1 entry before it"))
        let damaged = try #require(folder.files(under: "Outbox").first { $0.contains("deliveries.jsonl.damaged-") })
        #expect(try folder.read(damaged) == String(firstLine), "the damaged record is kept as it was")
        #expect(folder.files(under: "Outbox").contains { $0.contains("deliveries.head.damaged-") })
        #expect(try folder.paychase("log", "--verify").stdout.hasPrefix("OK: 2 entries"))
        let last = try #require(try folder.read("Outbox/deliveries.jsonl").split(separator: "\n").last)
        #expect(last.contains("\"outcome\":\"repaired\"") && last.contains("1 newest entry was removed"))
        #expect(try folder.paychase("record-posting", "appeal", "--claim", "Q-2026-001", "--on", "2026-11-24").status == 0)
        #expect(try folder.paychase("log", "--verify").stdout.hasPrefix("OK: 3 entries"))
        #expect(try folder.paychase("log", "--repair").status == 64, "an intact record has nothing to repair")
    }

    @Test func aLastLineCutShortByHandIsDamageNotACrash() throws {
        let folder = try practiceWithTwoPostings()
        let text = try folder.read("Outbox/deliveries.jsonl")
        try folder.write("Outbox/deliveries.jsonl", String(text.dropLast(40)))
        try expectRefused(folder, problem: "deliveries.jsonl:2: 1 newest entry was removed")
    }

    @Test func aRecordDeletedUnderItsHeadIsRefusedAndCanBeRepaired() throws {
        let folder = try practiceWithTwoPostings()
        try FileManager.default.removeItem(atPath: folder.path + "/Outbox/deliveries.jsonl")
        try expectRefused(folder, problem: "deliveries.jsonl:1: 2 newest entries were removed")

        let repaired = try folder.paychase("log", "--repair")
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout.hasPrefix("Repaired: Outbox/deliveries.jsonl:1: 2 newest entries were removed. Kept the 0 entries before it"))
        #expect(try folder.paychase("log", "--verify").stdout.hasPrefix("OK: 1 entry,"))
    }

    @Test func aLineACrashCutOffIsDroppedAtTheNextAppend() throws {
        let folder = try practiceWithTwoPostings()
        let path = folder.path + "/Outbox/deliveries.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"attempt\":1,\"claim_id\":\"L-2026".utf8))  // the head is never updated for it
        handle.closeFile()
        let verified = try folder.paychase("log", "--verify")
        #expect(verified.status == 0)
        #expect(verified.stdout.hasPrefix("OK: 2 entries"))
        #expect(verified.stderr.contains("note: the last line was cut off by a crash"))
        #expect(try folder.paychase("status", "--as-of", "2026-11-24").status == 0)
        #expect(try folder.paychase("print", "letter-before-claim", "--claim", "L-2026-007", "--as-of", "2026-11-22").status == 0)
        #expect(try folder.paychase("record-posting", "letter-before-claim", "--claim", "L-2026-007").status == 0)
        #expect(
            try folder.paychase("log", "--verify").stdout
                == "OK: 3 entries, each one chained to the one before; nothing edited, removed or reordered\n"
        )
        #expect(!(try folder.read("Outbox/deliveries.jsonl").contains("\"claim_id\":\"L-2026\n")))
    }
}
