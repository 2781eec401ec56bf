import Foundation
import Logging
import PayChaseTestSupport
import Testing

@testable import PayChaseOutbox

/// A send appends without fsync between flushes, so a power cut can leave `deliveries.head`
/// ahead of the lines. That is told apart from a removed entry by the in-flight window, written
/// durably before those appends: only a window from an earlier boot that accounts for exactly
/// the missing entries makes it a power cut; anything else is still tampering.
struct PowerCutTests {
    /// A send as the Dispatcher makes one, stopped by a power cut: two entries durable before the
    /// window, then `sent` of the window's three messages appended without fsync.
    struct Cut {
        let outbox: Outbox
        let log: DeliveryLog
        let queue: MessageQueue
        /// The head and the journal as the page cache had them.
        let head: RecordHead
        let journal: [String]
        let lines: [String]
    }

    static let window = ["q3", "q4", "q5"]

    func message(_ id: String) -> QueuedMessage {
        QueuedMessage(
            id: id,
            claimID: "C-\(id)",
            template: "chase",
            messageID: "\(id)@riverside.example",
            from: "manager@riverside.example",
            to: ["payments@england.example"],
            subject: "Payment query",
            sha256: SHA256Hex.digest(Array(id.utf8)),
            queuedAt: Date()
        )
    }

    func entry(_ queueID: String) -> RecordLine {
        let message = message(queueID)
        return emailLine(
            time: "2026-11-22T10:00:00.000Z",
            claimID: message.claimID,
            template: "chase",
            queueID: queueID,
            messageID: message.messageID,
            from: message.from,
            to: message.to,
            subject: message.subject,
            server: "mail.example:587",
            reply: "250 2.0.0 Ok: queued",
            outcome: .accepted,
            sha256: message.sha256,
            dsnRequested: false,
            attempt: 1
        )
    }

    func send(sent: Int = 3, appending ids: [String] = window) throws -> Cut {
        let outbox = Outbox(root: try TestPaths.temporaryDirectory().path + "/Outbox")
        let queue = MessageQueue(outbox: outbox)
        let batch = try queue.newBatch()
        for id in Self.window { try queue.enqueue(Array(id.utf8), as: message(id), batch: batch) }
        try batch.commit()
        let session = try OutboxSession(working: outbox, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        try session.append(entry("q1"))
        try session.append(entry("q2"))
        let window = try queue.beginWindow(Self.window, head: session.head)
        for id in ids.prefix(sent) {
            try window.committing(id)
            try session.append(entry(id), durable: false)
            try window.settled(id, head: session.head)
        }
        let log = DeliveryLog(outbox: outbox)
        let journal = try String(contentsOfFile: outbox.inFlightWindow, encoding: .utf8).split(separator: "\n").map(String.init)
        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").map(String.init)
        return Cut(outbox: outbox, log: log, queue: queue, head: session.head, journal: journal, lines: lines)
    }

    /// What the disk holds after the cut: the first `keptLines` of the record, the journal's
    /// header (its boot id replaced) and its first `journalLines` lines, and the head as given.
    func cut(_ cut: Cut, keptLines: Int, journalLines: Int, boot: String = "before-the-power-cut", head: String? = nil) throws {
        try (cut.lines.prefix(keptLines).map { $0 + "\n" }.joined()).write(toFile: cut.log.path, atomically: true, encoding: .utf8)
        var header = try JSONDecoder().decode(InFlightWindow.Header.self, from: Data(cut.journal[0].utf8))
        header.bootID = boot
        let journal = [String(decoding: try JSONEncoder().encode(header), as: UTF8.self)] + cut.journal.dropFirst().prefix(journalLines)
        try journal.map { $0 + "\n" }.joined().write(toFile: cut.outbox.inFlightWindow, atomically: true, encoding: .utf8)
        if let head { try head.write(toFile: cut.log.headPath, atomically: true, encoding: .utf8) }
    }

    @Test func entriesAPowerCutTookAreAccountedForByTheWindow() throws {
        let sent = try send()
        #expect(sent.head.entries == 5)
        try cut(sent, keptLines: 3, journalLines: 2)
        let verified = sent.log.verify()
        #expect(verified.problem == nil)
        #expect(verified.entries == 3)
        #expect(verified.powerCut == DeliveryLog.PowerCut(lostEntries: 2))

        // The next session sets the head back before recovery forgets the window, and holds the
        // messages whose entries were lost as uncertain; the one recorded as accepted is sent.
        _ = try OutboxSession(working: sent.outbox, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        #expect(!sent.queue.hasOpenWindow)
        let after = sent.log.verify()
        #expect(after.problem == nil && after.powerCut == nil && after.entries == 3)
        #expect(try sent.queue.all().map { "\($0.id) \($0.state.rawValue)" } == ["q4 uncertain", "q5 uncertain"])
        #expect(FileManager.default.fileExists(atPath: "\(sent.outbox.sent)/q3.eml"))
    }

    @Test func logVerifySaysWhatThePowerCutTookAndTheNextCommandSetsTheHeadBack() throws {
        let sent = try send()
        try cut(sent, keptLines: 3, journalLines: 2)
        let folder = URL(fileURLWithPath: sent.outbox.root).deletingLastPathComponent().path
        let verified = try Command.run(Command.paychase, ["log", "--verify"], directory: folder)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.hasPrefix("OK: 3 entries,"))
        #expect(
            verified.stderr.contains(
                "note: a power cut kept the newest 2 entries deliveries.head names from reaching the disk, and the in-flight journal of the send that was running accounts for exactly that"
            )
        )

        let listed = try Command.run(Command.paychase, ["queue"], directory: folder)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(
            listed.stderr.contains(
                "a power cut kept the newest 2 record entries from reaching the disk during the send that was running; deliveries.head is set back to the 3 entries on disk"
            )
        )
        #expect(listed.stdout.split(separator: "\n").filter { $0.contains(" uncertain ") }.count == 2)
        let after = try Command.run(Command.paychase, ["log", "--verify"], directory: folder)
        #expect(after.status == 0 && !after.stderr.contains("power cut"), "\(after.stderr)")
    }

    @Test func aHeadThePowerCutTookIsAccountedForToo() throws {
        let sent = try send()
        try cut(sent, keptLines: 4, journalLines: 0, head: "")
        #expect(sent.log.verify().powerCut == DeliveryLog.PowerCut(lostEntries: nil))
        _ = try OutboxSession(working: sent.outbox, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        #expect(sent.log.verify().problem == nil && sent.log.verify().entries == 4)
    }

    @Test func withoutAPowerCutTheSameFilesAreTampering() throws {
        let sent = try send()
        try cut(sent, keptLines: 3, journalLines: 2, boot: InFlightWindow.currentBootID)
        #expect(sent.log.verify().problem == "\(sent.log.path):4: 2 newest entries were removed", "a killed process never leaves the head ahead")
        #expect(throws: OutboxError.self) { try OutboxSession(reading: sent.outbox) }
    }

    @Test func withoutTheWindowTheSameFilesAreTampering() throws {
        let sent = try send()
        try cut(sent, keptLines: 3, journalLines: 2)
        try FileManager.default.removeItem(atPath: sent.outbox.inFlightWindow)
        #expect(sent.log.verify().problem == "\(sent.log.path):4: 2 newest entries were removed")
    }

    @Test func linesRemovedFromBeforeTheWindowAreTampering() throws {
        let sent = try send()
        try cut(sent, keptLines: 1, journalLines: 0)
        #expect(sent.log.verify().problem == "\(sent.log.path):2: 4 newest entries were removed")
    }

    @Test func aHeadFurtherAheadThanTheWindowCouldGoIsTampering() throws {
        let sent = try send()
        try cut(sent, keptLines: 3, journalLines: 0, head: "{\"entries\":6,\"last\":\"\(sent.head.last)\"}\n")
        #expect(sent.log.verify().problem == "\(sent.log.path):4: 3 newest entries were removed")
    }

    @Test func aLineFromOutsideTheWindowIsTampering() throws {
        // The appends after the window's head are not the window's messages.
        let sent = try send(appending: ["q3", "x4", "q5"])
        try cut(sent, keptLines: 4, journalLines: 0)
        #expect(sent.log.verify().problem == "\(sent.log.path):5: 1 newest entry was removed")
    }

    @Test func aHeadTheJournalContradictsIsTampering() throws {
        // The journal's last settled line reached the disk: it names entry 5, and the head
        // names another entry 5.
        let sent = try send()
        let other = String(repeating: "e", count: 64)
        try cut(sent, keptLines: 3, journalLines: 6, head: "{\"entries\":5,\"last\":\"\(other)\"}\n")
        #expect(sent.log.verify().problem == "\(sent.log.path):4: 2 newest entries were removed")
    }

    @Test func aWindowThatNamesNoHeadAccountsForNothing() throws {
        // A journal from before windows named the record's head.
        let sent = try send()
        try cut(sent, keptLines: 3, journalLines: 2)
        let old = String(decoding: try JSONEncoder().encode(InFlightWindow.Header(bootID: "before-the-power-cut", ids: Self.window)), as: UTF8.self)
        try (old + "\n").write(toFile: sent.outbox.inFlightWindow, atomically: true, encoding: .utf8)
        #expect(sent.log.verify().problem == "\(sent.log.path):4: 2 newest entries were removed")
    }
}
