import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `queue/.batch.intent`: what a send is about to queue, by claim and template, written before it
/// drafts. A batch is queued all or nothing, so a run stopped before its batch was committed
/// leaves none of it queued; the intent lets the next run say exactly which claims those were.
extension MessageQueue {
    /// One document a send meant to queue for one claim.
    public struct Intended: Sendable, Hashable {
        public var claimID: String
        public var template: String

        public init(claimID: String, template: String) {
            self.claimID = claimID
            self.template = template
        }
    }

    var intentPath: String { "\(outbox.queue)/.batch.intent" }

    /// Notes what the send is about to queue. Written in place, not by rename, so it is there
    /// before the first file of the batch is renamed into place; fsynced, so a power cut keeps it.
    public func intend(_ items: [Intended]) throws(OutboxError) {
        try AtomicFile.makeDirectories(outbox.queue)
        let fd = open(intentPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutboxError(path: intentPath, operation: "create", errno: errno) }
        defer { close(fd) }
        let lines = items.map { "\($0.claimID)\t\($0.template)\n" }.joined()
        try FileDescriptorWrite.all(Array(lines.utf8), to: fd, path: intentPath, operation: "write")
        guard fsync(fd) == 0 else { throw OutboxError(path: intentPath, operation: "sync", errno: errno) }
    }

    /// The send queued what it meant to (or found it queued or sent already): nothing to report.
    public func forgetIntent() throws(OutboxError) {
        guard unlink(intentPath) == 0 else {
            guard errno == ENOENT else { throw OutboxError(path: intentPath, operation: "remove", errno: errno) }
            return
        }
        try AtomicFile.syncDirectory(outbox.queue)
    }

    /// What a stopped send meant to queue and did not: the intent left behind, less what is
    /// queued. Forgets the intent. Call with the lock held, after `finishBatch`.
    func unqueuedIntent() throws(OutboxError) -> [Intended] {
        guard let text = try? String(contentsOfFile: intentPath, encoding: .utf8) else { return [] }
        let queued = Set(try all().map { Intended(claimID: $0.claimID, template: $0.template) })
        // A line a kill cut short (no newline) is left out rather than guessed at.
        let intended = text.split(separator: "\n", omittingEmptySubsequences: true).dropLast(text.hasSuffix("\n") ? 0 : 1).compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            return parts.count == 2 ? Intended(claimID: String(parts[0]), template: String(parts[1])) : nil
        }
        try forgetIntent()
        return intended.filter { !queued.contains($0) }
    }
}
