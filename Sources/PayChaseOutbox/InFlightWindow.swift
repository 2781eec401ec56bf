import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `queue/.inflight`: the messages a run may hand to the server before its next flush, and a
/// journal of which one is being handed over right now.
///
/// The first line (which messages, on which boot, and the record's head as it stood) is written
/// durably when a window opens; then one line `committing ID` just before each final dot and
/// `settled ID N:HASH` (the record's head after its entry) once its outcome is recorded, appended
/// without fsync. After a killed process the page cache keeps every line, so
/// the journal is exact: only a message committing and not settled may be on the server. After
/// a power cut (a new boot id) the lines may be lost, so every still-queued message of the window
/// is held as uncertain: never sent twice, at the price of asking the practice.
public final class InFlightWindow {
    struct Header: Codable {
        var bootID: String
        var ids: [String]
        /// The record's head when the window opened (`N:HASH`), durable with it.
        var head: String? = nil
    }

    private let fd: Int32
    private let path: String

    /// Durably starts a window for `ids`, the record's head being `head` (flushed already).
    init(path: String, ids: [String], head: RecordHead) throws(OutboxError) {
        self.path = path
        let header = (try? JSONEncoder().encode(Header(bootID: Self.currentBootID, ids: ids, head: head.description))) ?? Data()
        try AtomicFile.write(Array(header) + [10], to: path)
        fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw OutboxError(path: path, operation: "open", errno: errno) }
    }

    deinit { close(fd) }

    /// The message is about to be complete on the server's side, carrying `witness` (the
    /// record's head written into it).
    public func committing(_ id: String, witness: RecordHead? = nil) throws(OutboxError) {
        try note("committing \(id)\(witness.map { " \($0)" } ?? "")\n")
    }

    /// Its outcome is recorded (log and queue): it is no longer in doubt. `head` is the
    /// record's head after its entry.
    public func settled(_ id: String, head: RecordHead) throws(OutboxError) { try note("settled \(id) \(head)\n") }

    private func note(_ line: String) throws(OutboxError) {
        try FileDescriptorWrite.all(Array(line.utf8), to: fd, path: path, operation: "append")
    }

    /// Changes at every boot; unchanged means no power cut since the window was written.
    static var currentBootID: String {
        ((try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)) ?? "unknown")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The ids a stopped run may have left on the server without a record, from the journal at `path`.
    static func inDoubt(at path: String) -> Set<String> { Set(witnesses(inDoubtAt: path).keys) }

    /// The ids in doubt, each with the record's head its copy carried when the journal says
    /// (nil after a power cut, when only the window is known).
    static func witnesses(inDoubtAt path: String) -> [String: RecordHead?] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var lines = text.split(separator: "\n").makeIterator()
        guard let first = lines.next(), let header = try? JSONDecoder().decode(Header.self, from: Data(first.utf8)) else {
            return [:]
        }
        if header.bootID != currentBootID { return Dictionary(header.ids.map { ($0, RecordHead?.none) }) { first, _ in first } }
        var doubtful: [String: RecordHead?] = [:]
        while let line = lines.next() {
            let words = line.split(separator: " ")
            if words.first == "committing", words.count >= 2 {
                doubtful.updateValue(words.count > 2 ? RecordHead(parsing: String(words[2])) : nil, forKey: String(words[1]))
            }
            if words.first == "settled", words.count >= 2 { doubtful.removeValue(forKey: String(words[1])) }
        }
        return doubtful
    }
}

extension MessageQueue {
    var windowPath: String { outbox.inFlightWindow }

    /// Flushes everything so far, then durably opens the next window; `head` is the record's.
    public func beginWindow(_ ids: [String], head: RecordHead) throws(OutboxError) -> InFlightWindow {
        try sync()
        return try InFlightWindow(path: windowPath, ids: ids, head: head)
    }

    /// Flushes everything, then forgets the window.
    public func endWindow() throws(OutboxError) {
        try sync()
        if unlink(windowPath) == 0 { try AtomicFile.syncDirectory(outbox.queue) }
    }

    /// Messages that a stopped run may have handed over without recording the outcome.
    public func inDoubt() -> Set<String> { InFlightWindow.inDoubt(at: windowPath) }

    /// The same, with the record's head each copy carried when the journal says.
    public func inDoubtWitnesses() -> [String: RecordHead?] { InFlightWindow.witnesses(inDoubtAt: windowPath) }

    public var hasOpenWindow: Bool { FileManager.default.fileExists(atPath: windowPath) }
}
