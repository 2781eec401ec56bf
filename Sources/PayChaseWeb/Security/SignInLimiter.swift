import Foundation
import Synchronization

/// Failed sign-ins, per account and per address: after `free` failures in a row each further
/// try must wait twice as long as the last (1 s, 2 s, 4 s ... up to a quarter of an hour) from
/// the newest failure, and a try while waiting is refused without looking at the password. The
/// person signing in is told only that the name and password do not match, whether locked or
/// not; the log and the admin's Users page say which. A success clears the account's count.
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

    static func accountKey(_ name: String) -> String { "account \(name)" }
    static func addressKey(_ address: String) -> String { "address \(address)" }

    /// How long after the newest of `count` failures the next try must wait.
    static func wait(after count: Int) -> TimeInterval {
        guard count >= free else { return 0 }
        return min(longest, pow(2, Double(count - free)))
    }

    /// The lock-out holding any of `keys` at `now`, if one does.
    func locked(_ keys: [String], at now: Date) -> Locked? {
        failures.withLock { failures in
            keys.compactMap { key -> Locked? in
                guard let failed = failures[key] else { return nil }
                let until = failed.last.addingTimeInterval(Self.wait(after: failed.count))
                return until > now ? Locked(key: key, until: until, failures: failed.count) : nil
            }.max { $0.until < $1.until }
        }
    }

    func failed(_ keys: [String], at now: Date) {
        failures.withLock { failures in
            for key in keys { failures[key] = Failures(count: (failures[key]?.count ?? 0) + 1, last: now) }
        }
    }

    func succeeded(_ keys: [String]) { failures.withLock { failures in for key in keys { failures[key] = nil } } }

    /// Every account or address with failures, for the admin.
    func all() -> [(key: String, failures: Failures)] {
        failures.withLock { $0.map { ($0.key, $0.value) }.sorted { $0.key < $1.key } }
    }
}
