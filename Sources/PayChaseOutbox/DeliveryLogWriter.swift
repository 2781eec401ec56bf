import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Appends to the delivery log: each entry written and fsynced before `append` returns.
/// Reads the file once, so a batch costs one write per message, not one read of the whole log.
public final class DeliveryLogWriter {
    private let log: DeliveryLog
    private let fd: Int32
    private var previous: String
    private var count: Int
    /// Entries appended since the head was last written (`appendLine(_:durable:headLater:)`).
    private var headBehind = false

    /// Opens the log for appending after `contents`, the read the caller already made. Call with
    /// the Outbox lock held.
    public init(log: DeliveryLog, contents: DeliveryLog.Contents) throws(OutboxError) {
        self.log = log
        try AtomicFile.makeDirectories(AtomicFile.parent(of: log.path))
        fd = open(log.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutboxError(path: log.path, operation: "open", errno: errno) }
        if contents.torn {
            // A line cut off by a crash was never complete: drop it so the chain goes on whole.
            guard ftruncate(fd, off_t(contents.completeLength)) == 0 else {
                let code = errno
                close(fd)
                throw OutboxError(path: log.path, operation: "repair", errno: code)
            }
        }
        previous = contents.last
        count = contents.lines
        if access(log.headPath, F_OK) != 0 {
            // A new record gets its head, for the entries it has, before its first line: a crash
            // between that line and the head after it then leaves a head behind the log, which
            // verifies, never a missing one, which reads as damage.
            do throws(OutboxError) { try writeHead(durable: true) } catch {
                close(fd)
                throw error
            }
        }
    }

    deinit { close(fd) }

    /// Appends one entry. `durable` fsyncs it at once; otherwise it survives a killed process at
    /// once and a power cut from the next filesystem sync (the queue's `sync()`).
    @discardableResult
    public func append(_ record: RecordLine, durable: Bool = true) throws(OutboxError) -> RecordLine {
        try appendLine(record, durable: durable).record
    }

    /// Appends one entry; returns it sealed, and its line as written (without the newline).
    /// `headLater` leaves the head behind the entry until `catchUpHead()`: a crash meanwhile
    /// leaves the head behind the lines, as one between a line and its head always could.
    func appendLine(_ record: RecordLine, durable: Bool, headLater: Bool = false) throws(OutboxError) -> (line: String, record: RecordLine) {
        let (line, sealed) = DeliveryLog.seal(record, after: previous)
        let bytes = Array((line + "\n").utf8)
        try FileDescriptorWrite.all(bytes, to: fd, path: log.path, operation: "append")
        if durable { guard fsync(fd) == 0 else { throw OutboxError(path: log.path, operation: "sync", errno: errno) } }
        previous = sealed.hash
        count += 1
        if headLater && !durable { headBehind = true } else { try writeHead(durable: durable) }
        return (line, sealed)
    }

    /// Writes the head for every entry appended, when an append left it behind.
    func catchUpHead() throws(OutboxError) {
        guard headBehind else { return }
        try writeHead(durable: false)
    }

    /// Appends several entries with one fsync, then the head: a crash leaves the head behind
    /// the lines (which verifies), never ahead of them.
    func appendLines(_ records: [RecordLine]) throws(OutboxError) -> [(line: String, record: RecordLine)] {
        var written: [(line: String, record: RecordLine)] = []
        var bytes: [UInt8] = []
        var last = previous
        for record in records {
            let (line, sealed) = DeliveryLog.seal(record, after: last)
            bytes += Array((line + "\n").utf8)
            last = sealed.hash
            written.append((line, sealed))
        }
        guard !written.isEmpty else { return [] }
        try FileDescriptorWrite.all(bytes, to: fd, path: log.path, operation: "append")
        guard fsync(fd) == 0 else { throw OutboxError(path: log.path, operation: "sync", errno: errno) }
        previous = last
        count += written.count
        try writeHead(durable: true)
        return written
    }

    /// Replaces `deliveries.head` by rename, after the line it names: a crash leaves the old head
    /// or the new one, never an empty or half-written one, and a reader never sees one half done.
    private func writeHead(durable: Bool) throws(OutboxError) {
        let head = DeliveryLog.headBytes(RecordHead(entries: count, last: previous))
        if durable { try AtomicFile.write(head, to: log.headPath) } else { try AtomicFile.replace(head, at: log.headPath) }
        headBehind = false
    }
}
