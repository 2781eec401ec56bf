/// Text from the bytes of a body or an encoded word, by its MIME charset. Never fails: a charset
/// this does not know is read as UTF-8 with U+FFFD for what is not UTF-8, which keeps the ASCII
/// a classifier looks for (status codes, addresses) intact.
enum Charset {
    static func decode(_ bytes: ArraySlice<UInt8>, charset: String?) -> String {
        switch normalised(charset) {
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "windows-1252", "cp1252", "x-cp1252":
            // As browsers do (WHATWG): mailers label Windows text Latin-1, and C1 controls are never meant.
            windows1252(bytes)
        default:
            String(decoding: bytes, as: UTF8.self)
        }
    }

    static func normalised(_ charset: String?) -> String {
        (charset ?? "").trimmingWhitespace.lowercased().replacing("\"", with: "")
    }

    /// One character per byte, U+0000 to U+00FF.
    static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(Unicode.Scalar(byte)) }
        return String(text)
    }

    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80, byte <= 0x9F, let scalar = Unicode.Scalar(windows1252High[Int(byte - 0x80)]) {
                text.append(scalar)
            } else {
                text.append(Unicode.Scalar(byte))
            }
        }
        return String(text)
    }

    /// 0x80…0x9F in Windows-1252; the five unassigned bytes stay as the C1 control of that number.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
