import Foundation

/// RFC 5322 header text: folding, quoted strings and RFC 2047 encoded words for non-ASCII.
enum HeaderEncoding {
    /// Soft limit for a header line, as RFC 5322 recommends.
    static let foldWidth = 78
    /// RFC 2047's limit for one encoded word.
    static let encodedWordWidth = 75

    /// `Name: value`, folded at spaces (or between encoded words) to stay within 78 columns.
    static func field(_ name: String, _ value: String) -> String {
        fold(name: name, words: unstructuredWords(value, room: room(after: name)))
    }

    /// What is left of the first line after `Name: `. A word no longer than this fits on any line.
    static func room(after name: String) -> Int { foldWidth - name.utf8.count - 2 }

    /// A mailbox: `Name <addr>`, with the name quoted or encoded as needed.
    static func mailbox(_ mailbox: Mailbox, room: Int) -> [String] {
        guard let name = mailbox.name, !name.isEmpty else { return ["<\(mailbox.address)>"] }
        return phrase(name, room: room) + ["<\(mailbox.address)>"]
    }

    /// Puts words on lines of at most 78 columns when each fits; folding only ever adds a line
    /// break before a space, so a word that does not fit must already be cut into encoded words.
    static func fold(name: String, words: [String]) -> String {
        var lines: [String] = []
        var current = "\(name):"
        for word in words {
            if current.utf8.count + 1 + word.utf8.count > foldWidth, current != "\(name):" {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Unstructured text (Subject): plain words when ASCII and each fits a line, otherwise
    /// encoded words throughout, since one word cannot be folded and spaces between encoded words vanish.
    static func unstructuredWords(_ text: String, room: Int) -> [String] {
        if isPlainASCII(text) {
            let plain = words(text)
            // The first word shares its line with the name; the others may each start a line of their own.
            if plain.first.map({ $0.utf8.count <= room }) ?? true, plain.dropFirst().allSatisfy({ $0.utf8.count <= foldWidth - 1 }) {
                return plain
            }
        }
        return encodedWords(text, room: room)
    }

    /// Space-separated words of ASCII text, split on the byte.
    private static func words(_ text: String) -> [String] {
        text.utf8.split(separator: 32).map { String(Substring($0)) }
    }

    /// A display name: atoms as they are, a quoted string for specials (cut at its spaces, where
    /// it may fold and unfold to the same text), encoded words for non-ASCII or for a word too
    /// long for a line.
    static func phrase(_ text: String, room: Int) -> [String] {
        if isPlainASCII(text) {
            let plain: [String]
            if text.utf8.allSatisfy({ isAlphanumeric($0) || atextSpecials.contains($0) }) {
                plain = words(text)
            } else {
                // Most names have nothing to escape: the generic `replacing` is passed over then.
                let escaped =
                    text.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }
                    ? text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") : text
                let quoted = "\"\(escaped)\""
                plain = quoted.utf8.split(separator: 32, omittingEmptySubsequences: false).map { String(Substring($0)) }
            }
            if plain.allSatisfy({ $0.utf8.count <= room }) { return plain }
        }
        return encodedWords(text, room: room)
    }

    /// Searched, not hashed: a Set hashed every byte of every name.
    private static let atextSpecials = Array("!#$%&'*+-/=?^_`{|}~ ".utf8)

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    /// Printable ASCII that does not look like an encoded word, so it can go as it is.
    static func isPlainASCII(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F || (previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?")) { return false }
            previous = byte
        }
        return true
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, the first no longer than `room` so it fits
    /// beside the header name. Cut between Unicode scalars, as RFC 2047 asks (whole characters of
    /// the charset), so even a grapheme of many combining marks cannot make a word too long.
    static func encodedWords(_ text: String, room: Int) -> [String] {
        // Base64 makes 4 characters of 3 bytes; `=?UTF-8?B?` and `?=` add 12. At least 6 bytes,
        // so any scalar (4 bytes at most) fits when a long header name leaves little room.
        func capacity(_ width: Int) -> Int { max(6, (min(width, encodedWordWidth) - 12) / 4 * 3) }
        var maxBytes = capacity(room)
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
                maxBytes = capacity(foldWidth - 1)
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words
    }
}
