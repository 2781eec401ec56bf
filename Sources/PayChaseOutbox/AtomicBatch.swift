#if canImport(Glibc)
import Glibc
#endif

/// Writes many files with the promise of `AtomicFile.write` (a crash leaves the old file or the
/// whole new one) but one flush per batch instead of two per file: every file goes to a temporary
/// name, one `syncfs` makes them durable, the renames follow, and a second `syncfs` makes the
/// renames durable. Ten thousand drafts cost a few dozen flushes rather than twenty thousand.
public final class AtomicBatch {
    private var pending: [(temporary: String, final: String)] = []
    private var madeDirectories = Set<String>()
    /// Files written before the batch flushes by itself.
    public let limit: Int

    public init(limit: Int = 512) { self.limit = limit }

    deinit {
        // Never committed (an error on the way): the temporary files go, the old files stay.
        for file in pending { unlink(file.temporary) }
    }

    /// Writes `bytes` for `path`; it appears under that name at the next `commit`.
    public func add(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(OutboxError) {
        let directory = AtomicFile.parent(of: path)
        if madeDirectories.insert(directory).inserted { try AtomicFile.makeDirectories(directory) }
        let temporary = AtomicFile.temporaryName(for: path)
        try AtomicFile.writeAll(bytes, to: temporary, mode: mode, sync: false)
        pending.append((temporary, path))
        if pending.count >= limit { try commit() }
    }

    /// Makes every file written so far durable under its own name.
    public func commit() throws(OutboxError) {
        guard let first = pending.first else { return }
        try AtomicFile.syncFilesystem(of: first.temporary)
        for file in pending where rename(file.temporary, file.final) != 0 {
            throw OutboxError(path: file.final, operation: "rename into place", errno: errno)
        }
        pending.removeAll()
        try AtomicFile.syncFilesystem(of: first.final)
    }
}

/// glibc's syncfs(2): Glibc's Swift module leaves it out (it sits behind _GNU_SOURCE).
@_silgen_name("syncfs")
func syncfs(_ fd: Int32) -> Int32
