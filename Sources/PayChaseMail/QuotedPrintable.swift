/// Quoted-printable (RFC 2045 §6.7) for UTF-8 text bodies, with CRLF line ends.
public enum QuotedPrintable {
    static let maxLine = 76
    private static let hex = Array("0123456789ABCDEF".utf8)
    private static let from = Array("From ".utf8)

    /// Encodes text whose lines end in LF, CRLF or CR; hard line breaks become CRLF.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 10 || byte == 13 {
                    encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<index]), into: &out)
                    out.append(13)
                    out.append(10)
                    index += (byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10) ? 2 : 1
                    start = index
                } else {
                    index += 1
                }
            }
            encodeLine(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), into: &out)
        }
        return out
    }

    private static func encodeLine(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var column = 0
        for index in bytes.indices {
            let byte = bytes[index]
            let isLast = index == bytes.count - 1
            var escaped = needsEscape(byte, isLast: isLast) || (column == 0 && startsUnsafe(bytes, at: index))
            // Leave room for the soft break "=" unless this is the line's last character.
            if column + (escaped ? 3 : 1) > (isLast ? maxLine : maxLine - 1) {
                out.append(UInt8(ascii: "="))
                out.append(13)
                out.append(10)
                column = 0
                escaped = escaped || startsUnsafe(bytes, at: index)
            }
            if escaped {
                out.append(UInt8(ascii: "="))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
                column += 3
            } else {
                out.append(byte)
                column += 1
            }
        }
    }

    /// A leading dot (SMTP) or "From " (mbox) survives every relay when escaped.
    private static func startsUnsafe(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: ".") { return true }
        guard byte == UInt8(ascii: "F"), bytes.count - index >= from.count else { return false }
        for offset in 0..<from.count where bytes[index + offset] != from[offset] { return false }
        return true
    }

    private static func needsEscape(_ byte: UInt8, isLast: Bool) -> Bool {
        switch byte {
        case 32, 9: isLast
        case UInt8(ascii: "="): true
        case 33...126: false
        default: true
        }
    }
}
