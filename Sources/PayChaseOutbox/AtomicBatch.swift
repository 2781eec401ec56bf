import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes many files with the promise of `AtomicFile.write` (a crash leaves the old file or the
/// whole new one) but one flush per batch instead of two per file: every file goes to a temporary
/// name, one `syncfs` makes them durable, the renames follow, and a second `syncfs` makes the
/// renames durable. Ten thousand drafts cost a few dozen flushes rather than twenty thousand.
///
/// With a `journal`, the batch is all or nothing even if the process is killed among the
/// renames: the list of renames is made durable first, and `finish(journal:)` completes it.
public final class AtomicBatch {
    private var pending: [(temporary: String, final: String)] = []
    private var madeDirectories = Set<String>()
    /// Files written before the batch flushes by itself.
    public let limit: Int
    /// Where the list of renames is kept while they happen.
    public let journal: String?

    public init(limit: Int = 512) {
        self.limit = limit
        journal = nil
    }

    /// A batch that never flushes part of itself and survives a kill among its renames.
    public init(journal: String) {
        limit = .max
        self.journal = journal
    }

    deinit {
        // Never committed (an error on the way): the temporary files go, the old files stay.
        for file in pending { unlink(file.temporary) }
    }

    /// Writes `bytes` for `path`; it appears under that name at the next `commit`.
    public func add(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(OutboxError) {
        let directory = AtomicFile.parent(of: path)
        if madeDirectories.insert(directory).inserted { try AtomicFile.makeDirectories(directory) }
        let temporary = AtomicFile.temporaryName(for: path)
        try AtomicFile.writeAll(bytes, to: temporary, final: path, mode: mode, sync: false)
        pending.append((temporary, path))
        if pending.count >= limit { try commit() }
    }

    /// Makes every file written so far durable under its own name.
    public func commit() throws(OutboxError) {
        guard let first = pending.first else { return }
        try AtomicFile.syncFilesystem(of: first.temporary)
        if let journal {
            let lines = pending.map { "\($0.temporary)\t\($0.final)" }.joined(separator: "\n") + "\n"
            try AtomicFile.write(Array(lines.utf8), to: journal)
        }
        for file in pending where rename(file.temporary, file.final) != 0 {
            throw OutboxError(path: file.final, operation: "rename into place", errno: errno)
        }
        pending.removeAll()
        try AtomicFile.syncFilesystem(of: first.final)
        if let journal { try Self.forget(journal) }
    }

    /// Completes a journalled batch a killed process left half renamed: every file it had
    /// written goes into place. Returns how many were moved now.
    @discardableResult
    public static func finish(journal: String) throws(OutboxError) -> Int {
        guard let data = FileManager.default.contents(atPath: journal) else { return 0 }
        var moved = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2, FileManager.default.fileExists(atPath: parts[0]) else { continue }
            guard rename(parts[0], parts[1]) == 0 else { throw OutboxError(path: parts[1], operation: "rename into place", errno: errno) }
            moved += 1
        }
        try AtomicFile.syncFilesystem(of: AtomicFile.parent(of: journal))
        try forget(journal)
        return moved
    }

    private static func forget(_ journal: String) throws(OutboxError) {
        guard unlink(journal) == 0 || errno == ENOENT else { throw OutboxError(path: journal, operation: "remove", errno: errno) }
        try AtomicFile.syncDirectory(AtomicFile.parent(of: journal))
    }
}

/// glibc's syncfs(2): Glibc's Swift module leaves it out (it sits behind _GNU_SOURCE).
@_silgen_name("syncfs")
func syncfs(_ fd: Int32) -> Int32
