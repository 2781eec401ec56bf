/// Reads a line of the record that is exactly in the form `DeliveryLog.seal` writes it (keys
/// sorted, no spaces, plain strings), without JSONDecoder: reading and checking 50,000 lines
/// through Foundation's JSON took most of a report's time. Anything else — an escape in a
/// string, a space, a key out of order or unknown, a null — is left to JSONDecoder and a
/// re-encoding, as before, so what is accepted and what is refused do not change: a line
/// PayChase wrote reads back as one JSONEncoder writes the same way, byte for byte (tested).
enum CanonicalLine {
    /// The record, and where the value of its `entry` key is in the line's UTF-8; nil when the
    /// line is not in the plain canonical form.
    static func read(_ line: String) -> (record: RecordLine, entry: Range<Int>)? {
        var line = line
        return line.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            guard let result = scanner.record(), scanner.at == bytes.count else { return nil }
            return result
        }
    }

    /// The line's own hash, as `seal` works it out: SHA-256 of the line with `"entry":""`.
    static func hash(_ line: String, entry: Range<Int>) -> String {
        var line = line
        return line.withUTF8 { bytes in
            SHA256Hex.digest(UnsafeBufferPointer(rebasing: bytes[..<entry.lowerBound]), UnsafeBufferPointer(rebasing: bytes[entry.upperBound...]))
        }
    }
}

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
    mutating func record() -> (record: RecordLine, entry: Range<Int>)? {
        // By the key's place in the list: a dictionary per line cost a fifth of reading the record.
        var text = [String?](repeating: nil, count: RecordWire.CodingKeys.allCases.count)
        var to: [String]?
        var dsn: Bool?
        var attempt: Int64?
        var entry: Range<Int>?
        var receipt: RecordWire.Returned?
        var payment: RecordWire.Payment?
        let read = object { scanner, name in
            guard let key = recordKeys.key(name) else { return false }
            switch key {
            case .to:
                to = scanner.strings()
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
            case .time, .claimID, .template, .queueID, .messageID, .from, .subject, .server, .reply, .outcome, .sha256, .previous,
                .postedOn, .method, .tracking, .document, .by:
                text[key.place] = scanner.string()
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
        return (line, entry)
    }

    mutating func returned() -> RecordWire.Returned? {
        var fields: [RecordWire.Returned.CodingKeys: String] = [:]
        guard
            object({ scanner, name in
                guard let key = returnedKeys.key(name) else { return false }
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
        guard
            object({ scanner, name in
                switch paymentKeys.key(name) {
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

/// A Codable's keys as UTF-8, to find a key by the bytes of the line without making a String of
/// them (Swift's string switch was a tenth of reading a line).
private struct KeyTable<Key: CodingKey & CaseIterable>: Sendable where Key: Sendable {
    private let keys: [(bytes: [UInt8], key: Key)]

    init() { keys = Key.allCases.map { (Array($0.stringValue.utf8), $0) } }

    func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        for candidate in keys where candidate.bytes.count == bytes.count && candidate.bytes.elementsEqual(bytes) { return candidate.key }
        return nil
    }
}

/// `RecordWire`'s own list of keys: a key the Codable does not know is not read here either.
private let recordKeys = KeyTable<RecordWire.CodingKeys>()
private let returnedKeys = KeyTable<RecordWire.Returned.CodingKeys>()
private let paymentKeys = KeyTable<RecordWire.Payment.CodingKeys>()
