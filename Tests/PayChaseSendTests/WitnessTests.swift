import Foundation
import PayChaseOutbox
import PayChaseTestSupport
import Testing

extension SendTests {
    /// Sends three chases one after another and returns the copies that arrived, in order:
    /// their heads name the record with 0, 1 and 2 entries.
    func sendThreeWitnessed(_ practice: SendingPractice) throws -> [String] {
        var arrived: [String] = []
        for claim in ["D-2026-014", "Q-2026-001", "L-2026-011"] {
            let result = try practice.paychase("send", "chase", "--claim", claim, "--as-of", "2026-11-22")
            #expect(result.status == 0, "\(result.stderr)")
            let messageID = try #require(try practice.logEntries().last?["message_id"] as? String)
            #expect(practice.rig.waitForDelivery(to: "nelicb.payments@nhs.example", count: 1))
            try practice.rig.waitUntilPostfixIdle()
            arrived.append(
                try #require(
                    practice.rig.deliveredFiles(to: "nelicb.payments@nhs.example").first {
                        (try? String(contentsOfFile: $0, encoding: .utf8))?.contains(messageID) == true
                    }
                )
            )
        }
        return arrived
    }

    /// Each email carries the record's head as it stood; the copies in the recipients' mailboxes
    /// then show a record that was cut back and given a matching head, which the chain alone cannot.
    @Test func theRecipientsMailboxesWitnessTheRecord() throws {
        let practice = try SendingPractice()
        let arrived = try sendThreeWitnessed(practice)
        let entries = try practice.logEntries()
        let heads = try arrived.map { try ParsedEmail.parse(path: $0).header("X-PayChase-Record") }
        #expect(
            heads == [
                "entries=0 sha256=" + String(repeating: "0", count: 64), "entries=1 sha256=\(entries[0]["entry"]!)",
                "entries=2 sha256=\(entries[1]["entry"]!)",
            ]
        )

        let agreed = try practice.paychase(["log", "--verify", "--against"] + arrived)
        #expect(agreed.status == 0, "\(agreed.stderr)")
        #expect(agreed.stdout.split(separator: "\n").filter { $0.contains(": agrees: the record still holds entry ") }.count == 3)

        // Cut the record back to its first entry and write a head to match: the chain verifies.
        let first = try practice.folder.read("Outbox/deliveries.jsonl").split(separator: "\n")[0]
        try practice.folder.write("Outbox/deliveries.jsonl", first + "\n")
        try practice.folder.write("Outbox/deliveries.head", "{\"entries\":1,\"last\":\"\(entries[0]["entry"]!)\"}\n")
        #expect(try practice.paychase("log", "--verify").status == 0, "the chain alone cannot tell")

        let caught = try practice.paychase(["log", "--verify", "--against"] + arrived)
        #expect(caught.status == 65)
        #expect(
            caught.stderr.contains(
                "\(arrived[2]): X-PayChase-Record: it shows the record had 2 entries, but the record now has 1: entries were removed"
            )
        )
    }

    /// An entry edited and the chain after it recomputed, head and all: the record verifies by
    /// itself, but a witness sent after that entry names its old hash, which the record no longer holds.
    @Test func aRecordRewrittenAfterAnEditIsCaughtByAWitness() throws {
        let practice = try SendingPractice()
        let arrived = try sendThreeWitnessed(practice)
        let outbox = Outbox(root: practice.folder.path + "/Outbox")
        var entries = DeliveryLog(outbox: outbox).entries()
        let original = entries[1].hash
        guard case .email(var email) = entries[1].entry else {
            Issue.record("entry 2 is the second chase")
            return
        }
        email.reply = "550 5.1.1 <nelicb.payments@nhs.example>: Recipient address rejected"
        email.outcome = .refused
        entries[1].entry = .email(email)

        let forged = Outbox(root: try TestPaths.temporaryDirectory().path)
        let writer = try DeliveryLog(outbox: forged).writer()
        for entry in entries { try writer.append(entry) }
        for name in ["deliveries.jsonl", "deliveries.head"] {
            try practice.folder.write("Outbox/\(name)", try String(contentsOfFile: "\(forged.root)/\(name)", encoding: .utf8))
        }
        let rewritten = DeliveryLog(outbox: outbox).entries()
        #expect(rewritten[0].hash == entries[0].hash && rewritten[1].hash != original, "only entry 2 on changed")
        #expect(try practice.paychase("log", "--verify").stdout.hasPrefix("OK: 3 entries"), "the chain alone cannot tell")

        let caught = try practice.paychase(["log", "--verify", "--against"] + arrived)
        #expect(caught.status == 65)
        #expect(
            caught.stderr.contains(
                "\(arrived[2]): X-PayChase-Record: it shows entry 2 as \(original), but the record's entry 2 is \(rewritten[1].hash): the record was rewritten"
            ),
            "\(caught.stderr)"
        )
        #expect(!caught.stderr.contains(arrived[1]), "the witness from before the edit still agrees")
    }
}

extension SendTests {
    /// One batch of four: each email witnesses the record as it stood just before it was handed
    /// over (the n-th the n−1 entries before it), and `sent/` keeps exactly what the server took.
    /// Then the record is tampered with, head rewritten to match each time: every change but one
    /// to the very last entry is caught by the emails in the recipients' mailboxes.
    @Test func eachEmailOfABatchWitnessesTheRecordJustBeforeIt() throws {
        let practice = try SendingPractice()
        let sent = try practice.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22")
        #expect(sent.status == 0, "\(sent.stderr)")
        try practice.rig.waitUntilPostfixIdle()
        let entries = try practice.logEntries()
        #expect(entries.count == 4)
        var arrived: [String] = []
        for (index, entry) in entries.enumerated() {
            let id = try #require(entry["message_id"] as? String)
            let to = try #require((entry["to"] as? [String])?.first)
            let file = try #require(
                practice.rig.deliveredFiles(to: to).first { (try? String(contentsOfFile: $0, encoding: .utf8))?.contains(id) == true }
            )
            arrived.append(file)
            let expected =
                index == 0 ? "entries=0 sha256=" + String(repeating: "0", count: 64) : "entries=\(index) sha256=\(entries[index - 1]["entry"]!)"
            #expect(
                try ParsedEmail.parse(path: file).header("X-PayChase-Record") == expected,
                "email \(index + 1) witnesses the \(index) entries before it"
            )
            // sent/ holds the bytes the server took: the witness in it, and the SHA-256 the record names.
            let kept = practice.folder.path + "/Outbox/sent/\(entry["queue_id"]!).eml"
            #expect(try ParsedEmail.parse(path: kept).header("X-PayChase-Record") == expected)
            #expect(String(try Command.run("/usr/bin/sha256sum", [kept]).stdout.prefix(64)) == entry["sha256"] as? String)
        }
        let verified = try practice.paychase(["log", "--verify", "--against"] + arrived)
        #expect(verified.status == 0, "\(verified.stderr)")

        let record = try practice.folder.read("Outbox/deliveries.jsonl")
        let head = try practice.folder.read("Outbox/deliveries.head")
        func restore() throws {
            try practice.folder.write("Outbox/deliveries.jsonl", record)
            try practice.folder.write("Outbox/deliveries.head", head)
        }
        /// Keeps the first `count` entries, `edit` applied to entry `edited` (1-based) and the chain
        /// after it recomputed, head and all: the record verifies by itself.
        func tamper(keep count: Int, edit edited: Int?) throws -> CommandResult {
            try restore()
            let outbox = Outbox(root: practice.folder.path + "/Outbox")
            var kept = Array(DeliveryLog(outbox: outbox).entries().prefix(count))
            if let edited, case .email(var email) = kept[edited - 1].entry {
                email.reply = "550 5.1.1 <nelicb.payments@nhs.example>: Recipient address rejected"
                kept[edited - 1].entry = .email(email)
            }
            let forged = Outbox(root: try TestPaths.temporaryDirectory().path)
            let writer = try DeliveryLog(outbox: forged).writer()
            for entry in kept { try writer.append(entry) }
            for name in ["deliveries.jsonl", "deliveries.head"] {
                try practice.folder.write("Outbox/\(name)", try String(contentsOfFile: "\(forged.root)/\(name)", encoding: .utf8))
            }
            #expect(try practice.paychase("log", "--verify").status == 0, "the chain alone cannot tell")
            return try practice.paychase(["log", "--verify", "--against"] + arrived)
        }
        for count in 0...2 {
            #expect(try tamper(keep: count, edit: nil).status == 65, "cut back to \(count) entries: caught")
        }
        for edited in 1...3 {
            #expect(try tamper(keep: 4, edit: edited).status == 65, "entry \(edited) edited and the chain recomputed: caught")
        }
        // What no witness can catch until the next email goes: the very last entry, removed or edited.
        #expect(try tamper(keep: 3, edit: nil).status == 0)
        #expect(try tamper(keep: 4, edit: 4).status == 0)
        try restore()
    }
}
