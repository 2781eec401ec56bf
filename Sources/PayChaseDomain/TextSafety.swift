extension String {
    /// True when the text has CR, LF, NUL or another control character (tab aside)
    /// that must never reach a mail header or an SMTP envelope.
    public var hasHeaderUnsafeCharacters: Bool {
        unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
        }
    }

    public var hasNUL: Bool { unicodeScalars.contains("\0") }
}
