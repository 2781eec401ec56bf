import Foundation
import Logging
import PayChaseOutbox
import PayChaseTestSupport
import Testing

struct DeliveryLogTests {
    /// `lastReply` changes the newest entry, for a log that differs from another only there.
    func makeLog(entries: Int, lastReply: String? = nil) throws -> (DeliveryLog, String) {
        let folder = try TestPaths.temporaryDirectory().path
        let log = DeliveryLog(outbox: Outbox(root: folder))
        let writer = try log.writer()
        for index in 1...entries {
            try writer.append(
                emailLine(
                    time: "2026-11-22T10:00:0\(index % 10).000Z",
                    claimID: "C-\(index)",
                    template: "chase",
                    queueID: "q\(index)",
                    messageID: "m\(index)@riverside.example",
                    from: "manager@riverside.example",
                    to: ["payments@england.example"],
                    subject: "Payment query \(index)",
                    server: "mail.example:587",
                    reply: index == entries ? lastReply ?? "250 2.0.0 Ok: queued as ABC\(index)" : "250 2.0.0 Ok: queued as ABC\(index)",
                    outcome: .accepted,
                    sha256: String(repeating: "a", count: 64),
                    dsnRequested: false,
                    attempt: 1
                )
            )
        }
        return (log, log.path)
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func write(_ lines: [String], to path: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func anIntactLogVerifies() throws {
        let (log, _) = try makeLog(entries: 5)
        let result = log.verify()
        #expect(result.problem == nil)
        #expect(result.entries == 5)
        #expect(log.entries().map(\.claimID) == ["C-1", "C-2", "C-3", "C-4", "C-5"])
    }

    @Test func eachEntryCarriesTheHashOfTheOneBefore() throws {
        let (log, _) = try makeLog(entries: 3)
        let entries = log.entries()
        #expect(entries[0].previous == String(repeating: "0", count: 64))
        #expect(entries[1].previous == entries[0].hash)
        #expect(entries[2].previous == entries[1].hash)
    }

    @Test func anEditedLineIsNamed() throws {
        let (log, path) = try makeLog(entries: 5)
        var text = try lines(path)
        text[2] = text[2].replacingOccurrences(of: "queued as ABC3", with: "queued as XYZ3")
        try write(text, to: path)
        #expect(log.verify().problem == "\(path):3: was edited (its contents no longer match its hash)")
    }

    /// A line whose bytes are not UTF-8 is checked as the text it reads as (each bad byte U+FFFD),
    /// as it always was: one whose hash was worked out on its raw bytes was edited.
    @Test func aLineThatIsNotUTF8IsCheckedAsTheTextItReadsAs() throws {
        let (log, path) = try makeLog(entries: 2, lastReply: "250 2.0.0 Ok: queued as CAFÉ")
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let lineStart = bytes.lastIndex(of: 10, before: bytes.count - 1).map { $0 + 1 } ?? 0
        var line = Array(bytes[lineStart..<(bytes.count - 1)])
        // É (C3 89) written as Latin-1's one byte, and the line's hash worked out again on those bytes.
        let accented = line.firstRange(of: [0xC3, 0x89])!
        line.replaceSubrange(accented, with: [0xC9])
        let key = Array("\"entry\":\"".utf8)
        let hashStart = line.firstRange(of: key)!.upperBound
        line.removeSubrange(hashStart..<(hashStart + 64))
        let hash = Array(SHA256Hex.digest(line).utf8)
        line.insert(contentsOf: hash, at: hashStart)
        bytes.replaceSubrange(lineStart..<(bytes.count - 1), with: line)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let head = "{\"entries\":2,\"last\":\"\(String(decoding: hash, as: UTF8.self))\"}\n"
        try head.write(toFile: log.headPath, atomically: true, encoding: .utf8)
        #expect(log.verify().problem == "\(path):2: was edited (its contents no longer match its hash)")
    }

    /// Issue 21.5: who made an entry is part of the line the chain covers, and reads back as written.
    @Test func whoMadeAnEntryIsCoveredByTheChain() throws {
        let folder = try TestPaths.temporaryDirectory().path
        var outbox = Outbox(root: folder)
        outbox.actor = "jane"
        let session = try OutboxSession(working: outbox, logger: Logger(label: "test"))
        var line = emailLine(
            time: "2026-11-22T10:00:00.000Z",
            claimID: "C-1",
            template: "chase",
            queueID: "q1",
            messageID: "m1@riverside.example",
            from: "manager@riverside.example",
            to: ["payments@england.example"],
            subject: "Payment query",
            server: "mail.example:587",
            reply: "250 2.0.0 Ok",
            outcome: .accepted,
            sha256: String(repeating: "a", count: 64),
            dsnRequested: false,
            attempt: 1
        )
        try session.append(line)
        line.by = "worker"
        try session.append(line)
        let log = DeliveryLog(outbox: Outbox(root: folder))
        #expect(log.verify().problem == nil)
        #expect(log.entries().map(\.by) == ["jane", "worker"], "the session's actor, unless the line names its own")
        #expect(OutboxSession(inspecting: Outbox(root: folder)).records.map(\.by) == ["jane", "worker"])
        var text = try lines(log.path)
        #expect(text[0].contains("\"by\":\"jane\""))
        text[0] = text[0].replacingOccurrences(of: "\"by\":\"jane\"", with: "\"by\":\"john\"")
        try write(text, to: log.path)
        #expect(log.verify().problem == "\(log.path):1: was edited (its contents no longer match its hash)")
        // A line written before PayChase said who has no key at all, and reads as nobody.
        let (old, _) = try makeLog(entries: 1)
        #expect(try !lines(old.path)[0].contains("\"by\"") && old.entries().first?.by == nil)
    }

    @Test func aRemovedLineIsNamed() throws {
        let (log, path) = try makeLog(entries: 5)
        var text = try lines(path)
        text.remove(at: 1)
        try write(text, to: path)
        #expect(log.verify().problem == "\(path):2: does not follow line 1: an entry before it was removed or the lines were reordered")
    }

    @Test func reorderedLinesAreNamed() throws {
        let (log, path) = try makeLog(entries: 5)
        var text = try lines(path)
        text.swapAt(3, 4)
        try write(text, to: path)
        #expect(log.verify().problem == "\(path):4: does not follow line 3: an entry before it was removed or the lines were reordered")
    }

    @Test func theNewestLineIsCoveredToo() throws {
        let (log, path) = try makeLog(entries: 4)
        var text = try lines(path)
        text.removeLast()
        try write(text, to: path)
        #expect(log.verify().problem == "\(path):4: 1 newest entry was removed")
    }

    @Test func aReplacedNewestLineIsNamed() throws {
        // The same first two entries, then a different third one that chains correctly: only
        // deliveries.head, which still names the original third entry, can tell.
        let (log, path) = try makeLog(entries: 3)
        let (_, forged) = try makeLog(entries: 3, lastReply: "550 5.1.1 no such user here")
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: forged, toPath: path)
        #expect(try lines(path)[0...1] == (try lines(forged))[0...1])
        #expect(log.verify().problem == "\(path):3: the newest entry was replaced")
    }

    @Test func aTornLastLineIsRepairedOnTheNextAppend() throws {
        let (log, path) = try makeLog(entries: 2)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"time\":\"2026".utf8))
        handle.closeFile()
        let writer = try log.writer()
        try writer.append(
            emailLine(
                time: "2026-11-22T11:00:00.000Z",
                claimID: "C-3",
                template: "chase",
                queueID: "q3",
                messageID: "m3@r.example",
                from: "a@b.example",
                to: ["c@d.example"],
                subject: "S",
                server: "s:1",
                reply: "250 ok",
                outcome: .accepted,
                sha256: "",
                dsnRequested: false,
                attempt: 1
            )
        )
        #expect(log.verify().problem == nil)
        #expect(log.entries().map(\.claimID) == ["C-1", "C-2", "C-3"])
    }

    /// A job reads the record once: the session keeps each entry's line as written, so the
    /// evidence pack and the witness check need no second read.
    @Test func aSessionHoldsEachEntrysLineAsWrittenAndAppendsToThem() throws {
        let (log, path) = try makeLog(entries: 3)
        let root = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let session = try OutboxSession(working: Outbox(root: root), logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(Array(session.lines) == (try lines(path)))
        #expect(session.verification.entries == 3 && session.verification.problem == nil)
        try session.append(
            emailLine(
                time: "2026-11-22T11:00:00.000Z",
                claimID: "C-2",
                template: "chase",
                queueID: "q4",
                messageID: "m4@r.example",
                from: "a@b.example",
                to: ["c@d.example"],
                subject: "S",
                server: "s:1",
                reply: "250 ok",
                outcome: .accepted,
                sha256: "",
                dsnRequested: false,
                attempt: 1
            )
        )
        #expect(Array(session.lines) == (try lines(path)), "the appended line as it is on disk")
        #expect(session.entries(claimID: "C-2").map(\.line) == [try lines(path)[1], try lines(path)[3]])
        #expect(session.check(against: RecordHead(entries: 4, last: session.records[3].hash)) == nil)
        #expect(session.check(against: RecordHead(entries: 5, last: session.records[3].hash))?.hasSuffix("entries were removed") == true)
        #expect(log.verify().entries == 4)
    }

    @Test func aRecordThatDoesNotVerifyCanBeInspectedButNotRead() throws {
        let (log, path) = try makeLog(entries: 3)
        try write(Array(try lines(path).prefix(2)), to: path)
        let outbox = Outbox(root: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        let inspected = OutboxSession(inspecting: outbox)
        #expect(inspected.verification.problem == log.verify().problem)
        #expect(inspected.records.count == 2)
        #expect(throws: OutboxError.self) { try OutboxSession(reading: outbox) }
    }

    func record(_ index: Int) -> RecordLine {
        emailLine(
            time: "2026-11-22T11:00:00.000Z",
            claimID: "C-\(index)",
            template: "chase",
            queueID: "q\(index)",
            messageID: "m\(index)@r.example",
            from: "a@b.example",
            to: ["c@d.example"],
            subject: "S",
            server: "s:1",
            reply: "250 ok",
            outcome: .accepted,
            sha256: "",
            dsnRequested: false,
            attempt: 1
        )
    }

    @Test func aRecordDeletedUnderItsHeadIsNamed() throws {
        let (log, path) = try makeLog(entries: 3)
        try FileManager.default.removeItem(atPath: path)
        #expect(log.verify().problem == "\(path):1: 3 newest entries were removed")
    }

    @Test func aNewRecordHasAHeadBeforeItsFirstLine() throws {
        let folder = try TestPaths.temporaryDirectory().path
        let log = DeliveryLog(outbox: Outbox(root: folder))
        _ = try log.writer()
        #expect(try String(contentsOfFile: log.headPath, encoding: .utf8) == "{\"entries\":0,\"last\":\"\(String(repeating: "0", count: 64))\"}\n")
        #expect(log.verify().problem == nil)
    }

    /// `status` reads the record while a send appends to it: the head, written after each line
    /// and read before them, never looks ahead of the lines read.
    @Test func aRecordReadWhileItIsAppendedToVerifies() throws {
        let (log, _) = try makeLog(entries: 1)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            guard let writer = try? log.writer() else { return }
            for index in 2...2000 { _ = try? writer.append(record(index), durable: false) }
        }
        var problems: [String] = []
        while group.wait(timeout: .now()) == .timedOut {
            if let problem = log.verify().problem { problems.append(problem) }
        }
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(log.verify().entries == 2000)
    }
}

extension [UInt8] {
    /// The last place of `byte` before `end`.
    fileprivate func lastIndex(of byte: UInt8, before end: Int) -> Int? { self[..<end].lastIndex(of: byte) }
}
