/// Writes an entry's line in the plain canonical form `CanonicalLine` reads (keys in byte
/// order, no spaces, the optional keys only when present), without JSONEncoder: encoding each
/// entry through Foundation's JSON was a third of the time between a server's 250 and the next
/// message's MAIL FROM. Only where that form is what JSONEncoder writes too, byte for byte
/// (tested): every text plain (no quote, backslash, control character or DEL), no receipt or
/// payment. Anything else is left to JSONEncoder, as before.
extension RecordWire {
    /// The line's bytes, or nil when JSONEncoder is to write it.
    func plainLine() -> [UInt8]? {
        guard receipt == nil, payment == nil else { return nil }
        var line: [UInt8] = []
        line.reserveCapacity(1024)
        var first = true
        func key(_ name: StaticString) {
            line.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            line.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { line.append(contentsOf: $0) }
            line.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        func text(_ value: String) -> Bool {
            let start = line.count
            line.append(UInt8(ascii: "\""))
            line.append(contentsOf: value.utf8)
            line.append(UInt8(ascii: "\""))
            return !line[(start + 1)..<(line.count - 1)].contains(where: Self.needsEscape)
        }
        func text(_ name: StaticString, _ value: String?) -> Bool {
            guard let value else { return true }
            key(name)
            return text(value)
        }
        // In byte order of the keys, as JSONEncoder's sortedKeys puts them.
        key("attempt")
        line.append(contentsOf: String(attempt).utf8)
        guard text("by", by), text("claim_id", claimID), text("document", document) else { return nil }
        key("dsn_requested")
        line.append(contentsOf: (dsnRequested ? "true" : "false").utf8)
        guard text("entry", entry), text("from", from), text("message_id", messageID), text("method", method),
            text("outcome", outcome), text("posted_on", postedOn), text("previous", previous), text("queue_id", queueID),
            text("reply", reply), text("server", server), text("sha256", sha256), text("subject", subject),
            text("template", template), text("time", time)
        else { return nil }
        key("to")
        line.append(UInt8(ascii: "["))
        for (index, address) in to.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            guard text(address) else { return nil }
        }
        line.append(UInt8(ascii: "]"))
        guard text("tracking", tracking) else { return nil }
        line.append(UInt8(ascii: "}"))
        return line
    }

    /// What JSONEncoder writes otherwise than as it is: a quote, a backslash, a control character.
    /// (It leaves DEL as it is; the reader does not, so it is left to JSONEncoder here too.)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
    }
}
