import Foundation
import PayChaseTestSupport
import Testing

/// `receipts` killed at any moment it makes something durable — each fsync, syncfs and rename of
/// the receipt files, the record and the mailbox state — and run again records each receipt
/// exactly once, keeps each file once, and flags both messages \Seen in the end.
extension SendTests {
    /// A practice that emailed two claims, and a mailbox folder of its own holding a read receipt
    /// for one and a reply to the other.
    func practiceWithTwoReceipts() throws -> (SendingPractice, folder: String) {
        let practice = try SendingPractice()
        let sent = try practice.paychase("send", "chase", "--claim", "Q-2026-001", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(sent.status == 0, "\(sent.stderr)")
        let folder = "Kill-\(UUID().uuidString.prefix(8))"
        try practice.rig.imapAppendAll(
            user: "manager@riverside.example",
            folder: folder,
            messages: [
                try fixture("receipts/outlook-read.eml", about: try practice.sentMessageID("Q-2026-001")),
                try fixture("replies/human-reply.eml", about: try practice.sentMessageID("D-2026-014")),
            ]
        )
        try practice.configureIMAP(url: "imap://localhost:\(practice.rig.imapPort)/\(folder)")
        return (practice, folder)
    }

    func receiptsUnderStrace(_ practice: SendingPractice, _ arguments: [String]) throws -> CommandResult {
        try Command.run(
            "/usr/bin/strace",
            ["-f"] + arguments + [Command.paychase, "receipts"],
            directory: practice.folder.path,
            environment: practice.folder.environment(practice.passwordEnvironment)
        )
    }

    @Test func aKilledReceiptsRunRecordsNothingTwice() throws {
        let (counting, _) = try practiceWithTwoReceipts()
        let traced = try receiptsUnderStrace(counting, ["-o", counting.folder.path + "/trace", "-e", "trace=rename,fsync,fdatasync,syncfs"])
        #expect(traced.status == 0, "\(traced.stderr)")
        let calls = try counting.folder.read("trace").split(separator: "\n")
        let points = ["rename", "fsync", "fdatasync", "syncfs"].flatMap { call in
            (0..<calls.filter { $0.contains(" \(call)(") }.count).map { (call, $0 + 1) }
        }
        #expect(points.count >= 8, "two receipt files and two record lines, each written, synced and renamed: \(points)")

        for (call, when) in points {
            let (practice, folder) = try practiceWithTwoReceipts()
            let killed = try receiptsUnderStrace(
                practice,
                ["-o", "/dev/null", "-e", "trace=\(call)", "-e", "inject=\(call):signal=SIGKILL:when=\(when)"]
            )
            #expect(killed.status != 0, "killed at \(call) \(when)")
            let again = try practice.paychase("receipts")
            #expect(again.status == 0, "after a kill at \(call) \(when): \(again.stderr)")

            let entries = try practice.logEntries().filter { $0["receipt"] != nil }
            #expect(
                entries.compactMap { $0["claim_id"] as? String }.sorted() == ["D-2026-014", "Q-2026-001"],
                "kill at \(call) \(when): each receipt recorded once"
            )
            #expect(practice.folder.files(under: "Outbox/receipts").filter { $0.hasSuffix(".eml") }.count == 2)
            #expect(try practice.paychase("log", "--verify").status == 0, "kill at \(call) \(when): the record verifies")
            #expect(try practice.rig.imapSeenFlags(user: "manager@riverside.example", folder: folder) == [true, true])
            let third = try practice.paychase("receipts")
            #expect(third.stdout.contains(" 0 recorded"), "kill at \(call) \(when): \(third.stdout)")
        }
    }
}
