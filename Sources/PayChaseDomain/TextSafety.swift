extension String {
    /// True when the text has CR, LF, NUL or another control character (tab aside)
    /// that must never reach a mail header or an SMTP envelope.
    public var hasHeaderUnsafeCharacters: Bool {
        // Over the UTF-8 bytes: C0 controls but tab, DEL, NEL (C2 85), and the line and paragraph
        // separators (E2 80 A8, E2 80 A9). Every check of a claim's text comes through here.
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return true }
            if byte == 0x85, previous.1 == 0xC2 { return true }
            if byte == 0xA8 || byte == 0xA9, previous == (0xE2, 0x80) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    public var hasNUL: Bool { unicodeScalars.contains("\0") }
}
