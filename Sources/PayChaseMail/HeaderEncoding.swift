import Foundation

/// RFC 5322 header text: folding, quoted strings and RFC 2047 encoded words for non-ASCII.
enum HeaderEncoding {
    /// Soft limit for a header line, as RFC 5322 recommends.
    static let foldWidth = 78

    /// `Name: value`, folded at spaces (or between encoded words) to stay near 78 columns.
    static func field(_ name: String, _ value: String) -> String {
        let words = unstructuredWords(value)
        return fold(name: name, words: words)
    }

    /// A mailbox: `Name <addr>`, with the name quoted or encoded as needed.
    static func mailbox(_ mailbox: Mailbox) -> [String] {
        guard let name = mailbox.name, !name.isEmpty else { return ["<\(mailbox.address)>"] }
        return phrase(name) + ["<\(mailbox.address)>"]
    }

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

    /// Unstructured text (Subject): plain words when ASCII, otherwise encoded words throughout.
    static func unstructuredWords(_ text: String) -> [String] {
        if isPlainASCII(text) {
            return words(text)
        }
        return encodedWords(text)
    }

    /// Space-separated words of ASCII text, split on the byte.
    private static func words(_ text: String) -> [String] {
        text.utf8.split(separator: 32).map { String(Substring($0)) }
    }

    /// A display name: atoms as they are, a quoted string for specials, encoded words for non-ASCII.
    static func phrase(_ text: String) -> [String] {
        if isPlainASCII(text) {
            if text.utf8.allSatisfy({ isAlphanumeric($0) || atextSpecials.contains($0) }) {
                return words(text)
            }
            let escaped = text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            return ["\"\(escaped)\""]
        }
        return encodedWords(text)
    }

    private static let atextSpecials = Set("!#$%&'*+-/=?^_`{|}~ ".utf8)

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
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

    /// `=?UTF-8?B?…?=` words of at most 75 characters, never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        let maxBytes = 45  // 60 base64 characters + 12 of wrapper = 72
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words
    }
}
