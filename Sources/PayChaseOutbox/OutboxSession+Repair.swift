import Foundation
import PayChaseDomain

extension OutboxSession {
    /// What an explicit repair did.
    public struct RecordRepair: Sendable {
        /// Entries that verified and were kept.
        public var kept: Int
        /// Why the record did not verify.
        public var problem: String
        /// The damaged record, kept beside the new one under this name.
        public var damagedCopy: String
        public var damagedSHA256: String
    }

    /// Starts a new record from the entries of a damaged one that verify, keeping the damaged
    /// file (and its head) beside it, and records the repair as the new record's last entry.
    /// Returns nil, changing nothing, when the record verifies.
    public static func repair(_ outbox: Outbox, at time: Date) throws(OutboxError) -> RecordRepair? {
        let lock = try OutboxLock(outbox: outbox)
        defer { withExtendedLifetime(lock) {} }
        let log = DeliveryLog(outbox: outbox)
        let contents = log.read()
        let verification = log.verify(contents)
        guard let problem = verification.problem else { return nil }

        let stamp = RecordTime.format(time).filter { $0.isNumber || $0 == "T" }
        let damaged = "\(log.path).damaged-\(stamp)"
        let sha = SHA256Hex.digest(Array(contents.text.utf8))
        // The damaged files are kept under new names first: until the new record replaces the old
        // by rename, a crash leaves the damaged record in place, still refused.
        try keep(log.path, as: damaged, operation: "keep the damaged record", evenIfMissing: true)
        try keep(log.headPath, as: "\(log.headPath).damaged-\(stamp)", operation: "keep the damaged head", evenIfMissing: false)
        try AtomicFile.syncDirectory(outbox.root)

        let kept = contents.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(verification.entries)
        let name = String(damaged.split(separator: "/").last ?? "")
        let entry = RecordLine(time: RecordTime.format(time), entry: .repair(RecordRepaired(problem: problem, damagedCopy: name, sha256: sha)))
        let (line, sealed) = DeliveryLog.seal(entry, after: contents.records.prefix(verification.entries).last?.hash ?? SHA256Hex.zero)
        // The head names the repair before the record holds it: beside the damaged lines it is
        // ahead of them or off their chain, so a crash between the two renames is still refused.
        try AtomicFile.write(DeliveryLog.headBytes(RecordHead(entries: kept.count + 1, last: sealed.hash)), to: log.headPath)
        try AtomicFile.write(Array((kept.map { $0 + "\n" }.joined() + line + "\n").utf8), to: log.path)
        return RecordRepair(kept: verification.entries, problem: problem, damagedCopy: damaged, damagedSHA256: sha)
    }

    /// Keeps `path` as `copy` too: a second link, or where the filesystem has none a copy of the
    /// exact bytes. A file that is not there is kept as the empty file it now is `evenIfMissing`
    /// (the record the repair names), and otherwise not at all.
    private static func keep(_ path: String, as copy: String, operation: String, evenIfMissing: Bool) throws(OutboxError) {
        guard link(path, copy) != 0 else { return }
        switch errno {
        case ENOENT: if evenIfMissing { try AtomicFile.write([], to: copy) }
        case EPERM, EOPNOTSUPP, EMLINK:
            guard let bytes = FileManager.default.contents(atPath: path) else { throw OutboxError(path: path, operation: operation, errno: EIO) }
            try AtomicFile.write(Array(bytes), to: copy)
        default: throw OutboxError(path: path, operation: operation, errno: errno)
        }
    }
}
