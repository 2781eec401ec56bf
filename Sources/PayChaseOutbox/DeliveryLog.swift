import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `Outbox/deliveries.jsonl`: one JSON line per attempt, appended and fsynced, each line
/// carrying the hash of the one before, so that an edited, removed or reordered line shows.
/// `deliveries.head` remembers the last entry, so the newest line is covered too.
public struct DeliveryLog: Sendable {
    public let path: String
    public var headPath: String { path.replacingOccurrences(of: ".jsonl", with: ".head") }

    public init(outbox: Outbox) { path = outbox.deliveryLog }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The canonical line for a record, and the hash that seals it: SHA-256 of the line with
    /// `"entry":""`, then the same line with the hash in that place (one JSON encoding, not two).
    static func seal(_ record: DeliveryRecord, after previous: String) -> (line: String, record: DeliveryRecord) {
        var sealed = record
        sealed.previous = previous
        sealed.entry = ""
        let unsealed = try! encoder.encode(sealed)
        sealed.entry = SHA256Hex.digest(unsealed)
        let text = String(decoding: unsealed, as: UTF8.self)
        return (text.replacingOccurrences(of: "\"entry\":\"\"", with: "\"entry\":\"\(sealed.entry)\""), sealed)
    }

    /// Opens the log for appending. Call with the Outbox lock held.
    public func writer() throws(OutboxError) -> DeliveryLogWriter { try DeliveryLogWriter(log: self) }

    /// Every entry, oldest first; an unreadable line is skipped here (`verify` reports it).
    public func entries() -> [DeliveryRecord] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(DeliveryRecord.self, from: Data($0.utf8)) }
    }
}
