/// Addresses in header values and in a bounce's text. Used only to say which recipient failed,
/// never to find which sent message a bounce is about.
enum EmailAddressScan {
    /// `user@example.org` shapes in `text`, in order.
    static func addresses(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        for at in bytes.indices where bytes[at] == UInt8(ascii: "@") {
            var start = at
            while start > 0, isLocalByte(bytes[start - 1]) { start -= 1 }
            var end = at + 1
            while end < bytes.count, isDomainByte(bytes[end]) { end += 1 }
            while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            while start < at, bytes[start] == UInt8(ascii: ".") { start += 1 }
            guard start < at, end > at + 1, bytes[(at + 1)..<end].contains(UInt8(ascii: ".")) else { continue }
            found.append(String(decoding: bytes[start..<end], as: UTF8.self))
            if found.count >= 100 { break }
        }
        return found
    }

    /// The failed recipients a plain-text bounce names: `<user@host>:` at a line's start
    /// (qmail, Postfix, Sendmail), `RCPT TO:<user@host>`, and addresses on or just after a line
    /// that speaks of recipients (Exchange, Exim, Domino).
    static func recipients(inBounceText text: String) -> [String] {
        var found: [String] = []
        // After a line that speaks of recipients without naming one, the next few lines may.
        var linesToLook = 0
        for rawLine in text.split(whereSeparator: \.isNewline).prefix(2000) {
            let line = String(rawLine).trimmingWhitespace
            let lowered = line.lowercased()
            let onLine = addresses(in: line)
            if line.hasPrefix("<"), let first = onLine.first, lowered.hasPrefix("<" + first.lowercased() + ">") {
                found.append(first)
            } else if lowered.containsBytes("rcpt to:"), let first = onLine.first {
                found.append(first)
            } else if recipientWords.contains(where: { lowered.containsBytes($0) }) {
                if onLine.isEmpty { linesToLook = 3 } else { found += onLine }
                continue
            } else if linesToLook > 0, !line.isEmpty {
                found += onLine
                linesToLook = onLine.isEmpty ? linesToLook - 1 : 0
            }
        }
        return found
    }

    private static let recipientWords = [
        "recipient", "could not be delivered to", "delivery to the following", "following address", "failed addresses",
        "permanent fatal error",
    ]

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || "._%+-=!#$&'*/?^`{|}~".utf8.contains(byte)
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
