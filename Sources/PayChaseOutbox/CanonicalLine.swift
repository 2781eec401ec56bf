/// Reads a line of the record that is exactly in the form `DeliveryLog.seal` writes it (keys
/// sorted, no spaces, plain strings), without JSONDecoder: reading and checking 50,000 lines
/// through Foundation's JSON took most of a report's time. Anything else — an escape in a
/// string, a space, a key out of order or unknown, a null — is left to JSONDecoder and a
/// re-encoding, as before, so what is accepted and what is refused do not change: a line this
/// reads is one JSONEncoder writes the same way, byte for byte (tested).
enum CanonicalLine {
    /// The record, and where the value of its `entry` key is in the line's UTF-8; nil when the
    /// line is not in the plain canonical form.
    static func read(_ line: String) -> (record: DeliveryRecord, entry: Range<Int>)? {
        var line = line
        return line.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            guard let result = scanner.record(), scanner.at == bytes.count else { return nil }
            return result
        }
    }

    /// The line's own hash, as `seal` works it out: SHA-256 of the line with `"entry":""`.
    static func hash(_ line: String, entry: Range<Int>) -> String {
        let bytes = Array(line.utf8)
        return SHA256Hex.digest(bytes[..<entry.lowerBound] + bytes[entry.upperBound...])
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
    mutating func object(_ value: (inout Scanner, String) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        // The keys are compared where they lie in the line, and made Strings short enough to
        // need no allocation: a record has fifteen of them, and the record 50,000 lines.
        var previous: UnsafeBufferPointer<UInt8>?
        repeat {
            guard let range = stringRange(), take(Self.colon) else { return false }
            let key = UnsafeBufferPointer(rebasing: bytes[range])
            guard previous.map({ $0.lexicographicallyPrecedes(key) }) ?? true else { return false }
            previous = key
            guard value(&self, String(decoding: key, as: UTF8.self)) else { return false }
        } while take(Self.comma)
        return take(UInt8(ascii: "}"))
    }

    mutating func record() -> (record: DeliveryRecord, entry: Range<Int>)? {
        var time: String?
        var claimID: String?
        var template: String?
        var queueID: String?
        var messageID: String?
        var from: String?
        var subject: String?
        var server: String?
        var reply: String?
        var outcome: String?
        var sha256: String?
        var previous: String?
        var postedOn: String?
        var method: String?
        var tracking: String?
        var document: String?
        var entryText: String?
        var to: [String]?
        var dsn: Bool?
        var attempt: Int64?
        var entry: Range<Int>?
        var receipt: DeliveryRecord.ReceiptFacts?
        var payment: DeliveryRecord.PaymentFacts?
        let read = object { scanner, key in
            func text(_ field: inout String?) -> Bool {
                field = scanner.string()
                return field != nil
            }
            switch key {
            case "to":
                to = scanner.strings()
                return to != nil
            case "dsn_requested":
                dsn = scanner.bool()
                return dsn != nil
            case "attempt":
                attempt = scanner.integer()
                return attempt != nil
            case "receipt":
                receipt = scanner.receipt()
                return receipt != nil
            case "payment":
                payment = scanner.payment()
                return payment != nil
            case "entry":
                entry = scanner.stringRange()
                guard let entry else { return false }
                entryText = String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[entry]), as: UTF8.self)
                return true
            case "time": return text(&time)
            case "claim_id": return text(&claimID)
            case "template": return text(&template)
            case "queue_id": return text(&queueID)
            case "message_id": return text(&messageID)
            case "from": return text(&from)
            case "subject": return text(&subject)
            case "server": return text(&server)
            case "reply": return text(&reply)
            case "outcome": return text(&outcome)
            case "sha256": return text(&sha256)
            case "previous": return text(&previous)
            case "posted_on": return text(&postedOn)
            case "method": return text(&method)
            case "tracking": return text(&tracking)
            case "document": return text(&document)
            default: return false
            }
        }
        guard read, let to, let dsn, let attempt, let attempt = Int(exactly: attempt), let entry, let entryText,
            let time, let claimID, let template, let queueID, let messageID, let from, let subject, let server, let reply,
            let outcome = outcome.flatMap(DeliveryRecord.Outcome.init(rawValue:)), let sha256, let previous
        else { return nil }
        var record = DeliveryRecord(
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
            attempt: attempt
        )
        record.postedOn = postedOn
        record.method = method
        record.tracking = tracking
        record.document = document
        record.receipt = receipt
        record.payment = payment
        record.previous = previous
        record.entry = entryText
        return (record, entry)
    }

    mutating func receipt() -> DeliveryRecord.ReceiptFacts? {
        var fields: [String: String] = [:]
        let known: Set = [
            "kind", "disposition", "mode", "action", "status", "diagnostic", "date", "mailbox", "reporting_agent",
            "original_message_id", "matched_by", "message_id",
        ]
        guard
            object({ scanner, key in
                guard known.contains(key) else { return false }
                fields[key] = scanner.string()
                return fields[key] != nil
            }), let kind = fields["kind"], let original = fields["original_message_id"], let matchedBy = fields["matched_by"],
            let mailbox = fields["mailbox"]
        else { return nil }
        return DeliveryRecord.ReceiptFacts(
            kind: kind,
            originalMessageID: original,
            matchedBy: matchedBy,
            mailbox: mailbox,
            disposition: fields["disposition"],
            mode: fields["mode"],
            action: fields["action"],
            status: fields["status"],
            diagnostic: fields["diagnostic"],
            reportingAgent: fields["reporting_agent"],
            messageID: fields["message_id"],
            date: fields["date"]
        )
    }

    mutating func payment() -> DeliveryRecord.PaymentFacts? {
        var pence: Int64?
        var receivedOn: String?
        var reference: String?
        guard
            object({ scanner, key in
                switch key {
                case "pence":
                    pence = scanner.integer()
                    return pence != nil
                case "received_on":
                    receivedOn = scanner.string()
                    return receivedOn != nil
                case "reference":
                    reference = scanner.string()
                    return reference != nil
                default: return false
                }
            }), let pence, let receivedOn
        else { return nil }
        return DeliveryRecord.PaymentFacts(pence: pence, receivedOn: receivedOn, reference: reference)
    }
}
