/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text bodies, with CRLF line ends.
public enum QuotedPrintable {
    static let maxLine = 76
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes text whose lines end in LF, CRLF or CR; hard line breaks become CRLF.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let lines = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            encodeLine(Array(line.utf8), into: &out)
            if index < lines.count - 1 { out += [13, 10] }
        }
        return out
    }

    private static func encodeLine(_ bytes: [UInt8], into out: inout [UInt8]) {
        var column = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            // Leave room for the soft break "=" unless this is the line's last token.
            let limit = isLast ? maxLine : maxLine - 1
            var token = needsEscape(byte, isLast: isLast) ? escape(byte) : [byte]
            if column + token.count > limit {
                out += [UInt8(ascii: "="), 13, 10]
                column = 0
            }
            // A leading dot (SMTP) or "From " (mbox) survives every relay when escaped.
            if column == 0, byte == UInt8(ascii: ".") || startsFrom(bytes, at: index) {
                token = escape(byte)
            }
            out += token
            column += token.count
        }
    }

    private static func needsEscape(_ byte: UInt8, isLast: Bool) -> Bool {
        switch byte {
        case 32, 9: isLast
        case UInt8(ascii: "="): true
        case 33...126: false
        default: true
        }
    }

    private static func startsFrom(_ bytes: [UInt8], at index: Int) -> Bool {
        bytes[index...].starts(with: Array("From ".utf8))
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
}
