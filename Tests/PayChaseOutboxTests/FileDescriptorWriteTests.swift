import Foundation
import PayChaseTestSupport
import Testing

@testable import PayChaseOutbox

#if canImport(Glibc)
import Glibc
#endif

/// A `write(2)` that is interrupted before every other call and otherwise writes at most `chunk`
/// bytes, as a signal or a nearly full disk may make the real one do. It writes for real unless
/// `record` is set, when it keeps the bytes and offsets instead.
final class StingyWrite: @unchecked Sendable {  // the state is only touched under `lock`
    private let lock = NSLock()
    private var calls = 0
    private(set) var received: [UInt8] = []
    private(set) var offsets: [off_t?] = []
    private var writtenForReal = 0
    let chunk: Int
    let record: Bool

    init(chunk: Int, record: Bool = false) {
        self.chunk = chunk
        self.record = record
    }

    /// Bytes it wrote to real files, a chunk at a time: proof the writes went through it.
    var bytesWrittenForReal: Int { lock.withLock { writtenForReal } }

    var system: FileDescriptorWrite.System {
        { fd, bytes, offset in self.write(fd, bytes, offset) }
    }

    private func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: off_t?) -> (count: Int, errno: Int32) {
        let interrupted = lock.withLock {
            calls += 1
            return calls % 2 == 1
        }
        if interrupted {
            errno = EINTR
            return (-1, EINTR)
        }
        let part = UnsafeRawBufferPointer(rebasing: bytes[..<min(chunk, bytes.count)])
        guard record else {
            let result = FileDescriptorWrite.real(fd, part, offset)
            if result.count > 0 { lock.withLock { writtenForReal += result.count } }
            return result
        }
        lock.withLock {
            received += part
            offsets.append(offset)
        }
        return (part.count, 0)
    }
}

struct FileDescriptorWriteTests {
    let text = Array("committing pc.1a2b.3c4d@riverside.example\nsettled pc.1a2b.3c4d@riverside.example\n".utf8)

    @Test func shortWritesAndInterruptionsStillDeliverEveryByteInOrder() throws {
        let fake = StingyWrite(chunk: 7, record: true)
        try FileDescriptorWrite.$system.withValue(fake.system) {
            try FileDescriptorWrite.all(text, to: 99, path: "queue/.inflight", operation: "append")
        }
        #expect(fake.received == text)
        #expect(fake.offsets.allSatisfy { $0 == nil }, "a plain write never becomes a pwrite")
    }

    @Test func aPositionedWriteMovesItsOffsetOnWithEachShortWrite() throws {
        let fake = StingyWrite(chunk: 10, record: true)
        try FileDescriptorWrite.$system.withValue(fake.system) {
            try FileDescriptorWrite.all(text, to: 99, at: 100, path: "deliveries.head", operation: "write")
        }
        #expect(fake.received == text)
        #expect(fake.offsets == stride(from: 100, to: 100 + text.count, by: 10).map { off_t($0) })
    }

    @Test func anyOtherFailureNamesTheFileAndWhatWasBeingDone() {
        let full: FileDescriptorWrite.System = { _, _, _ in (-1, ENOSPC) }
        let error = #expect(throws: OutboxError.self) {
            try FileDescriptorWrite.$system.withValue(full) {
                try FileDescriptorWrite.all(text, to: 99, path: "Outbox/deliveries.jsonl", operation: "append")
            }
        }
        #expect(error?.code == ENOSPC)
        #expect(error?.description == "Outbox/deliveries.jsonl: cannot append: No space left on device")

        let stuck: FileDescriptorWrite.System = { _, _, _ in (0, 0) }
        let noProgress = #expect(throws: OutboxError.self) {
            try FileDescriptorWrite.$system.withValue(stuck) {
                try FileDescriptorWrite.all(text, to: 99, path: "queue/.inflight", operation: "append")
            }
        }
        #expect(noProgress?.code == EIO, "a write that makes no progress is an error, not an endless loop")
    }

    @Test func writesARealFileWhole() throws {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("big").path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        let big = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try FileDescriptorWrite.all(big, to: fd, path: path, operation: "write")
        try FileDescriptorWrite.all(Array("HEAD".utf8), to: fd, at: 10, path: path, operation: "write")
        var expected = big
        expected.replaceSubrange(10..<14, with: Array("HEAD".utf8))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    }

    @Test func theDeliveryLogJournalAndFilesSurviveShortWrites() throws {
        let folder = try TestPaths.temporaryDirectory().path
        let log = DeliveryLog(outbox: Outbox(root: folder))
        let journal = "\(folder)/queue/.inflight"
        let stingy = StingyWrite(chunk: 5)
        try FileDescriptorWrite.$system.withValue(stingy.system) {
            let writer = try log.writer()
            for index in 1...3 {
                try writer.append(
                    emailLine(
                        time: "2026-11-22T10:00:0\(index).000Z",
                        claimID: "C-\(index)",
                        template: "chase",
                        queueID: "q\(index)",
                        messageID: "m\(index)@riverside.example",
                        from: "manager@riverside.example",
                        to: ["payments@england.example"],
                        subject: "Payment query \(index)",
                        server: "mail.example:587",
                        reply: "250 2.0.0 Ok: queued as ABC\(index)",
                        outcome: .accepted,
                        sha256: String(repeating: "a", count: 64),
                        dsnRequested: false,
                        attempt: 1
                    )
                )
            }
            let window = try InFlightWindow(path: journal, ids: ["a", "b"], head: RecordHead(entries: 3, last: log.entries()[2].hash))
            try window.committing("a")
            try window.settled("a", head: RecordHead(entries: 4, last: String(repeating: "b", count: 64)))
            try window.committing("b")
            try AtomicFile.write(Array("whole file\n".utf8), to: "\(folder)/sent/a.json")
        }
        // Every byte of the record, the journal and the file went through the stingy writer.
        let record = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/deliveries.jsonl")).count
        let head = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/deliveries.head")).count
        let journalBytes = try Data(contentsOf: URL(fileURLWithPath: journal)).count
        #expect(
            stingy.bytesWrittenForReal >= record + journalBytes + "whole file\n".utf8.count,
            "record \(record), head \(head), journal \(journalBytes)"
        )
        let verified = log.verify()
        #expect(verified.problem == nil)
        #expect(verified.entries == 3)
        #expect(InFlightWindow.inDoubt(at: journal) == ["b"])
        #expect(try String(contentsOfFile: "\(folder)/sent/a.json", encoding: .utf8) == "whole file\n")
    }
}
