import Foundation

/// Where the record stood: how many entries, and the hash of the last. Every email PayChase
/// sends carries it (`X-PayChase-Record: entries=12 sha256=9f3a…`, which folds to short lines),
/// so the recipients' mailboxes hold copies of the record's head that the practice cannot rewrite.
public struct RecordHead: Sendable, Hashable, CustomStringConvertible {
    public var entries: Int
    /// SHA-256 of entry `entries` (64 zeros for an empty record).
    public var last: String

    public init(entries: Int, last: String) {
        self.entries = entries
        self.last = last
    }

    /// `12:9f3a…`.
    public var description: String { "\(entries):\(last)" }

    /// The header's value: `entries=12 sha256=9f3a…`.
    public var headerValue: String { "entries=\(entries) sha256=\(last)" }

    /// Reads `entries=12 sha256=9f3a…` (however folded) or `12:9f3a…`.
    public init?(parsing text: String) {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
        let parts: [Substring]
        if words.count == 2, words[0].hasPrefix("entries="), words[1].hasPrefix("sha256=") {
            parts = [words[0].dropFirst(8), words[1].dropFirst(7)]
        } else if words.count == 1 {
            parts = words[0].split(separator: ":", maxSplits: 1)
        } else {
            return nil
        }
        guard parts.count == 2, let entries = Int(parts[0]), entries >= 0, parts[1].count == 64,
            parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return nil }
        self.init(entries: entries, last: String(parts[1]))
    }

    public static let headerName = "X-PayChase-Record"
}

extension OutboxSession {
    /// The record's head as this session sees it.
    public var head: RecordHead { RecordHead(entries: records.count, last: records.last?.hash ?? SHA256Hex.zero) }
}

extension OutboxSession {
    /// Checks the record against a head a witness carries: the record must still hold that many
    /// entries, the last of them the same. Returns the problem, or nil.
    public func check(against head: RecordHead) -> String? {
        if head.entries == 0 { return head.last == SHA256Hex.zero ? nil : "it names an empty record with a hash that is not zeros" }
        guard head.entries <= records.count else {
            return "it shows the record had \(head.entries) entries, but the record now has \(records.count): entries were removed"
        }
        guard records[head.entries - 1].hash == head.last else {
            return
                "it shows entry \(head.entries) as \(head.last), but the record's entry \(head.entries) is \(records[head.entries - 1].hash): the record was rewritten"
        }
        return nil
    }
}
