#if canImport(Glibc)
import Glibc
#endif

/// Reads a line of the record that is exactly in the form `DeliveryLog.seal` writes it (keys
/// sorted, no spaces, plain strings), without JSONDecoder: reading and checking 50,000 lines
/// through Foundation's JSON took most of a report's time. Anything else — an escape in a
/// string, a space, a key out of order or unknown, a null — is left to JSONDecoder and a
/// re-encoding, as before, so what is accepted and what is refused do not change: a line
/// PayChase wrote reads back as one JSONEncoder writes the same way, byte for byte (tested).
enum CanonicalLine {
    /// The record, and whether the line's own hash (its `entry`) is the SHA-256 of the line
    /// with `"entry":""`, as `seal` works it out; nil when the line is not in the plain
    /// canonical form. `repeats` holds what the line before it (in the same pass) read.
    static func read(_ line: UnsafeBufferPointer<UInt8>, repeats: inout Repeats) -> (record: RecordLine, sealed: Bool)? {
        var scanner = Scanner(bytes: line)
        guard let (record, entry) = scanner.record(&repeats), scanner.at == line.count else { return nil }
        let sealed = SHA256Hex.digest(
            UnsafeBufferPointer(rebasing: line[..<entry.lowerBound]),
            UnsafeBufferPointer(rebasing: line[entry.upperBound...]),
            is: UnsafeBufferPointer(rebasing: line[entry])
        )
        return (record, sealed)
    }

    /// As `read(_:repeats:)`, for a line held as a `String`, on its own.
    static func read(_ line: String) -> (record: RecordLine, sealed: Bool)? {
        var line = line
        var repeats = Repeats()
        return line.withUTF8 { read($0, repeats: &repeats) }
    }

    /// The values the line before read, kept to be used again when the next has the same bytes:
    /// most lines have the sender, server, reply and recipients of the one before, and each
    /// line's `previous` is the line before's own hash. A String made once and shared, where
    /// reading 50,000 lines made each of them afresh.
    struct Repeats {
        /// By the key's place in `RecordWire.CodingKeys`.
        fileprivate var texts = [String?](repeating: nil, count: RecordWire.CodingKeys.allCases.count)
        fileprivate var to: [String]?
        /// The line before's own hash.
        fileprivate var hash: String?

        init() {}
    }
}

private typealias Repeats = CanonicalLine.Repeats

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")

    mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// A string with nothing JSONEncoder escapes: no quote, backslash, control character or DEL.
    mutating func string() -> String? {
        guard let range = stringRange() else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// As `string()`, giving `last` again when the text is the same, else keeping what it made.
    mutating func string(same last: inout String?) -> String? {
        guard let range = stringRange() else { return nil }
        let text = UnsafeBufferPointer(rebasing: bytes[range])
        if let last, Self.same(last, text) { return last }
        let made = String(decoding: text, as: UTF8.self)
        last = made
        return made
    }

    private static func same(_ known: String, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard known.utf8.count == text.count else { return false }
        guard !text.isEmpty else { return true }
        return known.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 } ?? false
    }

    mutating func stringRange() -> Range<Int>? {
        guard take(Self.quote) else { return nil }
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte == Self.quote {
                at += 1
                return start..<(at - 1)
            }
            guard byte >= 0x20, byte != Self.backslash, byte != 0x7F else { return nil }
            at += 1
        }
        return nil
    }

    /// `0`, `42`, `-7`: as JSONEncoder writes an integer.
    mutating func integer() -> Int64? {
        let start = at
        let negative = take(UInt8(ascii: "-"))
        var value: Int64 = 0
        let digits = at
        while at < bytes.count, (0x30...0x39).contains(bytes[at]) {
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int64(bytes[at] - 0x30))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
            at += 1
        }
        let count = at - digits
        guard count > 0, count == 1 || bytes[digits] != 0x30, !(negative && value == 0) else {
            at = start
            return nil
        }
        return negative ? -value : value
    }

    mutating func bool() -> Bool? {
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
    }

    private mutating func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        for index in 0..<count where bytes[at + index] != word.utf8Start[index] { return false }
        at += count
        return true
    }

    /// As `strings()`, giving `last` again when every item is the same, else keeping what it made.
    mutating func strings(same last: inout [String]?) -> [String]? {
        let start = at
        if let known = last, take(UInt8(ascii: "[")) {
            var index = 0
            var same = true
            if !take(UInt8(ascii: "]")) {
                repeat {
                    guard index < known.count, let range = stringRange(), Self.same(known[index], UnsafeBufferPointer(rebasing: bytes[range])) else {
                        same = false
                        break
                    }
                    index += 1
                } while take(Self.comma)
                same = same && take(UInt8(ascii: "]"))
            }
            if same && index == known.count { return known }
            at = start
        }
        let made = strings()
        if made != nil { last = made }
        return made
    }

    mutating func strings() -> [String]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var items: [String] = []
        if take(UInt8(ascii: "]")) { return items }
        repeat {
            guard let item = string() else { return nil }
            items.append(item)
        } while take(Self.comma)
        return take(UInt8(ascii: "]")) ? items : nil
    }

    /// `{"key":value,...}` with keys in strictly increasing byte order, each read by `value`,
    /// which says whether it knew the key and read its value.
    mutating func object(_ value: (inout Scanner, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        // The keys are compared where they lie in the line, never made Strings: a record has
        // fifteen of them, and the record 50,000 lines.
        var previous: UnsafeBufferPointer<UInt8>?
        repeat {
            guard let range = stringRange(), take(Self.colon) else { return false }
            let key = UnsafeBufferPointer(rebasing: bytes[range])
            guard previous.map({ $0.lexicographicallyPrecedes(key) }) ?? true else { return false }
            previous = key
            guard value(&self, key) else { return false }
        } while take(Self.comma)
        return take(UInt8(ascii: "}"))
    }

    /// Each key is looked up in `RecordWire`'s own list of keys: a key the Codable does not
    /// know is not read here either.
    mutating func record(_ repeats: inout Repeats) -> (record: RecordLine, entry: Range<Int>)? {
        // By the key's place in the list: a dictionary per line cost a fifth of reading the record.
        var text = [String?](repeating: nil, count: RecordWire.CodingKeys.allCases.count)
        var to: [String]?
        var dsn: Bool?
        var attempt: Int64?
        var entry: Range<Int>?
        var receipt: RecordWire.Returned?
        var payment: RecordWire.Payment?
        var next = 0
        let read = object { scanner, name in
            guard let key = recordKeys.key(name, from: &next) else { return false }
            switch key {
            case .to:
                to = scanner.strings(same: &repeats.to)
                return to != nil
            case .dsnRequested:
                dsn = scanner.bool()
                return dsn != nil
            case .attempt:
                attempt = scanner.integer()
                return attempt != nil
            case .receipt:
                receipt = scanner.returned()
                return receipt != nil
            case .payment:
                payment = scanner.payment()
                return payment != nil
            case .entry:
                entry = scanner.stringRange()
                guard let entry else { return false }
                text[key.place] = String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[entry]), as: UTF8.self)
                return true
            case .previous:
                text[key.place] = scanner.string(same: &repeats.hash)
                return text[key.place] != nil
            case .time, .claimID, .template, .queueID, .messageID, .from, .subject, .server, .reply, .outcome, .sha256, .postedOn, .method,
                .tracking, .document, .by:
                text[key.place] = scanner.string(same: &repeats.texts[key.place])
                return text[key.place] != nil
            }
        }
        func field(_ key: RecordWire.CodingKeys) -> String? { text[key.place] }
        guard read, let to, let dsn, let attempt, let attempt = Int(exactly: attempt), let entry, let hash = field(.entry),
            let time = field(.time), let claimID = field(.claimID), let template = field(.template), let queueID = field(.queueID),
            let messageID = field(.messageID), let from = field(.from), let subject = field(.subject), let server = field(.server),
            let reply = field(.reply), let outcome = field(.outcome), let sha256 = field(.sha256), let previous = field(.previous)
        else { return nil }
        let wire = RecordWire(
            time: time,
            claimID: claimID,
            template: template,
            queueID: queueID,
            messageID: messageID,
            from: from,
            to: to,
            subject: subject,
            server: server,
            reply: reply,
            outcome: outcome,
            sha256: sha256,
            dsnRequested: dsn,
            attempt: attempt,
            postedOn: field(.postedOn),
            method: field(.method),
            tracking: field(.tracking),
            document: field(.document),
            receipt: receipt,
            payment: payment,
            by: field(.by),
            previous: previous,
            entry: hash
        )
        // The line's hash is checked on the line as written; the entry holds what its kind has
        // (a key its kind has no use for is not kept). Checking that it writes back the same cost
        // a tenth of reading the record.
        guard let line = RecordLine(wire) else { return nil }
        repeats.hash = hash
        return (line, entry)
    }

    mutating func returned() -> RecordWire.Returned? {
        var fields: [RecordWire.Returned.CodingKeys: String] = [:]
        var next = 0
        guard
            object({ scanner, name in
                guard let key = returnedKeys.key(name, from: &next) else { return false }
                fields[key] = scanner.string()
                return fields[key] != nil
            }), let kind = fields[.kind], let original = fields[.originalMessageID], let matchedBy = fields[.matchedBy],
            let mailbox = fields[.mailbox]
        else { return nil }
        return RecordWire.Returned(
            kind: kind,
            disposition: fields[.disposition],
            mode: fields[.mode],
            action: fields[.action],
            status: fields[.status],
            diagnostic: fields[.diagnostic],
            reportingAgent: fields[.reportingAgent],
            originalMessageID: original,
            matchedBy: matchedBy,
            messageID: fields[.messageID],
            date: fields[.date],
            mailbox: mailbox
        )
    }

    mutating func payment() -> RecordWire.Payment? {
        var pence: Int64?
        var receivedOn: String?
        var reference: String?
        var next = 0
        guard
            object({ scanner, name in
                switch paymentKeys.key(name, from: &next) {
                case .pence?:
                    pence = scanner.integer()
                    return pence != nil
                case .receivedOn?:
                    receivedOn = scanner.string()
                    return receivedOn != nil
                case .reference?:
                    reference = scanner.string()
                    return reference != nil
                // A payment matched from a bank line is rare: JSONDecoder reads it.
                case .bank?, nil: return false
                }
            }), let pence, let receivedOn
        else { return nil }
        return RecordWire.Payment(pence: pence, receivedOn: receivedOn, reference: reference)
    }
}

/// `RecordWire`'s own list of keys: a key the Codable does not know is not read here either.
private let recordKeys = KeyTable<RecordWire.CodingKeys>()
private let returnedKeys = KeyTable<RecordWire.Returned.CodingKeys>()
private let paymentKeys = KeyTable<RecordWire.Payment.CodingKeys>()
