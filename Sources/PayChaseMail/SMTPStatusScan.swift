/// The first SMTP status in a bounce's text: an enhanced code such as `5.1.1` (RFC 3463) and a
/// reply code such as `550`, found by hand so an IP address (`192.0.2.5.4`) or a longer
/// number never passes for one.
struct SMTPStatusScan {
    private(set) var enhanced: String?
    private(set) var reply: String?
    /// The line the first code was on, trimmed and cut to 300 characters, as a diagnostic.
    private(set) var line: String?

    init(_ text: String) {
        for textLine in text.split(whereSeparator: \.isNewline) {
            let bytes = Array(textLine.utf8)
            let foundEnhanced = enhanced == nil ? Self.enhancedCode(bytes) : nil
            let foundReply = reply == nil ? Self.replyCode(bytes) : nil
            enhanced = enhanced ?? foundEnhanced
            reply = reply ?? foundReply
            if line == nil, foundEnhanced != nil || foundReply != nil {
                line = String(String(textLine).trimmingWhitespace.prefix(300))
            }
            if enhanced != nil, reply != nil { break }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    /// `[245].d{1,3}.d{1,3}` with no digit or dot either side.
    static func enhancedCode(_ bytes: [UInt8]) -> String? {
        for start in bytes.indices where [UInt8(ascii: "2"), UInt8(ascii: "4"), UInt8(ascii: "5")].contains(bytes[start]) {
            if start > 0, isDigit(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".") { continue }
            var index = start + 1
            var ok = true
            for _ in 0..<2 {
                guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else {
                    ok = false
                    break
                }
                index += 1
                let digitsStart = index
                while index < bytes.count, isDigit(bytes[index]), index - digitsStart < 4 { index += 1 }
                let count = index - digitsStart
                guard count >= 1, count <= 3 else {
                    ok = false
                    break
                }
            }
            guard ok else { continue }
            if index < bytes.count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ".") && index + 1 < bytes.count && isDigit(bytes[index + 1])
            {
                continue
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        return nil
    }

    /// `[45]dd` followed by a space, a hyphen or the line's end, after the line's start or
    /// punctuation and spaces, not inside a longer number or word.
    static func replyCode(_ bytes: [UInt8]) -> String? {
        for start in bytes.indices where bytes[start] == UInt8(ascii: "4") || bytes[start] == UInt8(ascii: "5") {
            guard start + 2 < bytes.count, isDigit(bytes[start + 1]), isDigit(bytes[start + 2]) else { continue }
            if start > 0, !" \t:[(<#=\"'".utf8.contains(bytes[start - 1]) { continue }
            let after = start + 3
            if after < bytes.count, !(bytes[after] == 32 || bytes[after] == UInt8(ascii: "-") || bytes[after] == 9) { continue }
            return String(decoding: bytes[start..<after], as: UTF8.self)
        }
        return nil
    }
}
