import Foundation
import Synchronization

/// Failed sign-ins, per account and per address: after `free` failures in a row each further
/// try must wait twice as long as the last (1 s, 2 s, 4 s ... up to a quarter of an hour) from
/// the newest failure, and a try while waiting is refused without looking at the password. The
/// person signing in is told only that the name and password do not match, whether locked or
/// not; the log and the admin's Users page say which. A try is counted before its password is
/// looked at (so tries sent together cannot all slip in before the first failure is counted); a
/// success takes its count back and clears the account's. Counts older than the longest wait
/// are forgotten, so an address many people share (a practice behind one router) is not held
/// for ever by old typing mistakes, and the table never grows past `limit` keys.
final class SignInLimiter: Sendable {
    struct Failures: Sendable {
        var count: Int
        var last: Date
    }

    /// A lock-out: what is locked, and until when.
    struct Locked: Sendable {
        var key: String
        var until: Date
        var failures: Int
    }

    private let failures = Mutex<[String: Failures]>([:])
    /// Failures allowed before the wait begins.
    static let free = 3
    static let longest: TimeInterval = 15 * 60
    static let limit = 10_000

    static func accountKey(_ name: String) -> String { "account \(name)" }
    static func addressKey(_ address: String) -> String { "address \(address)" }

    /// How long after the newest of `count` failures the next try must wait.
    static func wait(after count: Int) -> TimeInterval {
        guard count >= free else { return 0 }
        return min(longest, pow(2, Double(count - free)))
    }

    /// The lock-out holding any of `keys` at `now`, if one does.
    func locked(_ keys: [String], at now: Date) -> Locked? {
        failures.withLock { failures in Self.locked(keys, at: now, in: &failures) }
    }

    private static func locked(_ keys: [String], at now: Date, in failures: inout [String: Failures]) -> Locked? {
        keys.compactMap { key -> Locked? in
            guard let failed = failures[key] else { return nil }
            if now.timeIntervalSince(failed.last) > longest {
                failures[key] = nil
                return nil
            }
            let until = failed.last.addingTimeInterval(wait(after: failed.count))
            return until > now ? Locked(key: key, until: until, failures: failed.count) : nil
        }.max { $0.until < $1.until }
    }

    /// A try at `now`: refused with the lock-out holding it, or counted (as a failure until
    /// `succeeded` takes it back) and let through.
    func attempt(_ keys: [String], at now: Date) -> Locked? {
        failures.withLock { failures in
            if let locked = Self.locked(keys, at: now, in: &failures) { return locked }
            if failures.count >= Self.limit {
                failures = failures.filter { now.timeIntervalSince($0.value.last) <= Self.longest }
            }
            for key in keys { failures[key] = Failures(count: (failures[key]?.count ?? 0) + 1, last: now) }
            return nil
        }
    }

    /// The password was right: the account's count is cleared and the address's try taken back.
    func succeeded(account: String, address: String) {
        failures.withLock { failures in
            failures[account] = nil
            if let failed = failures[address] {
                failures[address] = failed.count <= 1 ? nil : Failures(count: failed.count - 1, last: failed.last)
            }
        }
    }

    /// Every account or address with failures, for the admin.
    func all() -> [(key: String, failures: Failures)] {
        failures.withLock { $0.map { ($0.key, $0.value) }.sorted { $0.key < $1.key } }
    }
}
