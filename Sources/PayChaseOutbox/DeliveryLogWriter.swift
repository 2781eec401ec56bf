import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends to the delivery log: each entry written and fsynced before `append` returns.
/// Reads the file once, so a batch costs one write per message, not one read of the whole log.
public final class DeliveryLogWriter {
    private let log: DeliveryLog
    private let fd: Int32
    /// `deliveries.head`, rewritten in place: one fixed-size record, no new file per entry.
    private let headFD: Int32
    private var previous: String
    private var count: Int

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
        headFD = open(log.headPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard headFD >= 0 else {
            let code = errno
            close(fd)
            throw OutboxError(path: log.headPath, operation: "open", errno: code)
        }
    }

    deinit {
        close(fd)
        close(headFD)
    }

    /// Appends one entry. `durable` fsyncs it at once; otherwise it survives a killed process at
    /// once and a power cut from the next filesystem sync (the queue's `sync()`).
    @discardableResult
    public func append(_ record: DeliveryRecord, durable: Bool = true) throws(OutboxError) -> DeliveryRecord {
        try appendLine(record, durable: durable).record
    }

    /// Appends one entry; returns it sealed, and its line as written (without the newline).
    func appendLine(_ record: DeliveryRecord, durable: Bool) throws(OutboxError) -> (line: String, record: DeliveryRecord) {
        let (line, sealed) = DeliveryLog.seal(record, after: previous)
        let bytes = Array((line + "\n").utf8)
        try FileDescriptorWrite.all(bytes, to: fd, path: log.path, operation: "append")
        if durable { guard fsync(fd) == 0 else { throw OutboxError(path: log.path, operation: "sync", errno: errno) } }
        previous = sealed.entry
        count += 1
        // Always the same length, so rewriting it in place never leaves a tail of the old one.
        var head = Array("{\"entries\":\(count),\"last\":\"\(sealed.entry)\"}".utf8)
        head += [UInt8](repeating: 32, count: max(0, 127 - head.count)) + [10]
        try FileDescriptorWrite.all(head, to: headFD, at: 0, path: log.headPath, operation: "write")
        if durable { guard fsync(headFD) == 0 else { throw OutboxError(path: log.headPath, operation: "sync", errno: errno) } }
        return (line, sealed)
    }
}
