import Foundation
import PayChaseDomain

#if canImport(Glibc)
import Glibc
#endif

/// The send queue: `queue/<id>.eml` (exact bytes) and `queue/<id>.json` (its facts).
///
/// Write order is what keeps a crash harmless: the .eml first, then the .json that makes it
/// queued; on acceptance the log entry first, then `sent/`, then the queue files go.
public struct MessageQueue: Sendable {
    public let outbox: Outbox

    public init(outbox: Outbox) { self.outbox = outbox }

    static let encoder = JSONStyle.document.encoder()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// A new queue id that sorts in the order messages were queued: the time, then `sequence`
    /// (the message's place in its batch, since a batch is queued within one millisecond):
    /// `20261122T224058123-0002-Q-1-chase-3f9a`.
    public static func newID(claimID: String, template: String, at date: Date = Date(), sequence: Int = 0) -> String {
        let c = RecordTime.utc.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let stamp = String(
            format: "%04d%02d%02dT%02d%02d%02d%03d-%04d",
            c.year!,
            c.month!,
            c.day!,
            c.hour!,
            c.minute!,
            c.second!,
            c.nanosecond! / 1_000_000,
            sequence % 10_000
        )
        return "\(stamp)-\(claimID)-\(template)-\(String(UInt16.random(in: 0...UInt16.max), radix: 16))"
    }

    public func messagePath(_ id: String) -> String { "\(outbox.queue)/\(id).eml" }
    func metadataPath(_ id: String) -> String { "\(outbox.queue)/\(id).json" }

    /// `queue/.batch.journal`: the renames of a batch being queued.
    var batchJournal: String { "\(outbox.queue)/.batch.journal" }

    /// A batch for queueing: all of it is queued, or none of it, however the process ends.
    public func newBatch() throws(OutboxError) -> AtomicBatch {
        try AtomicFile.makeDirectories(outbox.queue)
        return AtomicBatch(journal: batchJournal)
    }

    /// Finishes queueing a batch a killed run left half renamed. Call with the lock held,
    /// before `sweep` (which would remove the batch's files).
    @discardableResult
    public func finishBatch() throws(OutboxError) -> Int { try AtomicBatch.finish(journal: batchJournal) }

    /// Queues a message through `batch`: once the batch commits, it is never lost. The .eml is
    /// added before the .json that makes it queued, and renames keep that order.
    public func enqueue(_ bytes: [UInt8], as message: QueuedMessage, batch: AtomicBatch) throws(OutboxError) {
        try batch.add(bytes, to: messagePath(message.id))
        try batch.add(try encoded(message), to: metadataPath(message.id))
    }

    /// Rewrites a message's facts by rename. `durable` also fsyncs them; otherwise they survive a
    /// killed process at once and a power cut from the next `sync()`.
    public func save(_ message: QueuedMessage, durable: Bool = true) throws(OutboxError) {
        if durable {
            try AtomicFile.write(try encoded(message), to: metadataPath(message.id))
        } else {
            try AtomicFile.replace(try encoded(message), at: metadataPath(message.id))
        }
    }

    private func encoded(_ message: QueuedMessage) throws(OutboxError) -> [UInt8] {
        do { return Array(try Self.encoder.encode(message)) + [10] } catch {
            throw OutboxError(path: metadataPath(message.id), operation: "encode", errno: EINVAL)
        }
    }

    /// Makes everything written to the Outbox so far durable (one syncfs).
    public func sync() throws(OutboxError) {
        try AtomicFile.makeDirectories(outbox.queue)
        try AtomicFile.syncFilesystem(of: outbox.queue)
    }

    /// Every queued message, oldest first.
    public func all() throws(OutboxError) -> [QueuedMessage] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: outbox.queue) } catch { return [] }
        var messages: [QueuedMessage] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = "\(outbox.queue)/\(name)"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw OutboxError(path: path, operation: "read", errno: EIO)
            }
            do { messages.append(try Self.decoder.decode(QueuedMessage.self, from: data)) } catch {
                throw OutboxError(path: path, operation: "read (the file is damaged)", errno: EINVAL)
            }
        }
        return messages
    }

    public func bytes(of message: QueuedMessage) throws(OutboxError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: messagePath(message.id)) else {
            throw OutboxError(path: messagePath(message.id), operation: "read", errno: ENOENT)
        }
        return Array(data)
    }

    /// The server took it: `sent/` gets exactly the bytes it took — `bytes` when they differ from
    /// the queued copy (the record's head written in as it was handed over), else the queued file
    /// by rename — then the queue forgets it. Durable at the next `sync()`.
    public func markSent(_ message: QueuedMessage, bytes: [UInt8]? = nil) throws(OutboxError) {
        let sent = "\(outbox.sent)/\(message.id).eml"
        try AtomicFile.makeDirectories(outbox.sent)
        if let bytes, FileManager.default.fileExists(atPath: messagePath(message.id)) {
            try AtomicFile.replace(bytes, at: sent)
            guard unlink(messagePath(message.id)) == 0 || errno == ENOENT else {
                throw OutboxError(path: messagePath(message.id), operation: "remove", errno: errno)
            }
        } else if rename(messagePath(message.id), sent) != 0 {
            // Moved already by a run that stopped before forgetting the .json.
            guard errno == ENOENT, FileManager.default.fileExists(atPath: sent) else {
                throw OutboxError(path: sent, operation: "move into sent/", errno: errno)
            }
        }
        guard unlink(metadataPath(message.id)) == 0 || errno == ENOENT else {
            throw OutboxError(path: metadataPath(message.id), operation: "remove", errno: errno)
        }
    }

    /// The server refused it for good: to `failed/` with the reason, then out of the queue.
    public func markFailed(_ message: QueuedMessage, bytes: [UInt8], reason: String) throws(OutboxError) {
        var failed = message
        failed.lastReply = reason
        try AtomicFile.write(bytes, to: "\(outbox.failed)/\(message.id).eml")
        try AtomicFile.write(try encoded(failed), to: "\(outbox.failed)/\(message.id).json")
        try remove(message)
    }

    private func remove(_ message: QueuedMessage) throws(OutboxError) {
        // The .json goes first: a stray .eml without it is cleaned up, never sent.
        for path in [metadataPath(message.id), messagePath(message.id)] where unlink(path) != 0 && errno != ENOENT {
            throw OutboxError(path: path, operation: "remove", errno: errno)
        }
        try AtomicFile.syncDirectory(outbox.queue)
    }

    /// Removes what a crash can leave behind: half-written temporary files, and .eml files
    /// whose .json was never written (so they were never queued).
    public func sweep() throws(OutboxError) {
        for folder in [outbox.root, outbox.sent, outbox.failed, outbox.queue] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(".") && name.contains(".tmp-") {
                unlink("\(folder)/\(name)")
            }
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: outbox.queue) else { return }
        let queued = Set(names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        for name in names where name.hasSuffix(".eml") && !queued.contains(String(name.dropLast(4))) {
            unlink("\(outbox.queue)/\(name)")
        }
    }
}
