import Foundation
import PayChaseJobs

/// The keys of send forms already used, kept in `Outbox/web/used-keys` (one a line, synced
/// before the send starts), so a double-clicked "send", or one resubmitted after a restart,
/// sends once.
actor UsedKeys {
    let path: String
    private var keys: Set<String>?

    init(folder: String) { path = "\(folder)/used-keys" }

    /// A new key for a form just rendered.
    nonisolated static func newKey() -> String { WebSession.newToken() }

    /// True when `key` is one this web service could have made (64 hex digits).
    nonisolated static func isWellFormed(_ key: String) -> Bool {
        key.utf8.count == 64 && key.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Marks `key` used, durably; false when it was used before (nothing should be done again).
    func use(_ key: String) throws(OutboxError) -> Bool {
        var known = keys ?? load()
        guard known.insert(key).inserted else {
            keys = known
            return false
        }
        try AtomicFile.append(Array("\(key)\n".utf8), to: path)
        keys = known
        return true
    }

    private func load() -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }
}
