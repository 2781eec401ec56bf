import Foundation
import Hummingbird
import PayChaseJobs
import PayChaseOutbox
import ServiceLifecycle

/// The web service's sessions, kept in a file readable by its owner only (0600) beside the
/// users file, so a restart or an upgrade signs nobody out. Each session expires (8 hours after
/// it was last given its expiry); expired ones are dropped whenever the file is written. A
/// session names its user and the password it was signed in with (a digest of its hash), so a
/// new password or `paychase user remove` ends it on the next request. Only signed-in sessions
/// are written down: a visitor's (a CSRF token for the login form) stays in memory, so nobody
/// can make the service write its file by asking for the login page, and the file holds at most
/// `limit` sessions (the oldest to expire go first).
actor SessionFile: PersistDriver {
    private struct Stored: Codable {
        /// The value as JSON.
        var value: String
        /// Seconds since 1970 when it expires; nil for never.
        var expires: Double?
    }

    let path: String
    private var values: [String: Stored]
    /// Keys of the sessions kept in memory only (no user signed in).
    private var visitors: Set<String> = []
    static let limit = 10_000

    init(path: String) {
        self.path = path
        if let data = FileManager.default.contents(atPath: path), let stored = try? JSONDecoder().decode([String: Stored].self, from: data) {
            let now = Date().timeIntervalSince1970
            values = stored.filter { ($0.value.expires ?? .infinity) >= now }
        } else {
            values = [:]
        }
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard live(key) == nil else { throw PersistError.duplicate }
        try store(key, value, expires: expires.map(Self.deadline))
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try store(key, value, expires: expires.map(Self.deadline) ?? values[key]?.expires)
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        guard let stored = live(key) else { return nil }
        do { return try JSONDecoder().decode(Object.self, from: Data(stored.value.utf8)) } catch { throw PersistError.invalidConversion }
    }

    func remove(key: String) async throws {
        guard values.removeValue(forKey: key) != nil else { return }
        if visitors.remove(key) != nil { return }
        try save()
    }

    /// Sessions are tidied as the file is written; nothing runs between.
    func run() async throws { try? await gracefulShutdown() }

    private func live(_ key: String) -> Stored? {
        guard let stored = values[key] else { return nil }
        return (stored.expires ?? .infinity) >= Date().timeIntervalSince1970 ? stored : nil
    }

    private func store<Object: Codable & Sendable>(_ key: String, _ value: Object, expires: Double?) throws {
        let json = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        let stored = Stored(value: json, expires: expires)
        // A request that changes nothing (most of them) writes nothing.
        guard values[key]?.value != stored.value || values[key]?.expires != stored.expires else { return }
        values[key] = stored
        guard (value as? WebSession)?.user != nil else {
            visitors.insert(key)
            if visitors.count > Self.limit { forgetOldest(Array(visitors)) }
            return
        }
        visitors.remove(key)
        try save()
    }

    /// Drops the sessions that expire first among `keys`, down to three quarters of the limit.
    private func forgetOldest(_ keys: [String]) {
        let sorted = keys.sorted { (values[$0]?.expires ?? 0) < (values[$1]?.expires ?? 0) }
        for key in sorted.prefix(max(0, keys.count - Self.limit * 3 / 4)) {
            values[key] = nil
            visitors.remove(key)
        }
    }

    private func save() throws {
        let now = Date().timeIntervalSince1970
        values = values.filter { ($0.value.expires ?? .infinity) >= now }
        var kept = values.filter { !visitors.contains($0.key) }
        if kept.count > Self.limit {
            forgetOldest(Array(kept.keys))
            kept = values.filter { !visitors.contains($0.key) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(kept)) + [0x0A], to: path, mode: 0o600)
    }

    private static func deadline(_ duration: Duration) -> Double {
        Date().timeIntervalSince1970 + Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
