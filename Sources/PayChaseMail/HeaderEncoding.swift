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
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && !text.contains("=?") {
            return text.split(separator: " ").map(String.init)
        }
        return encodedWords(text)
    }

    /// A display name: atoms as they are, a quoted string for specials, encoded words for non-ASCII.
    static func phrase(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && !text.contains("=?") {
            let atext = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$%&'*+-/=?^_`{|}~ "))
            if text.unicodeScalars.allSatisfy({ atext.contains($0) }) {
                return text.split(separator: " ").map(String.init)
            }
            let escaped = text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            return ["\"\(escaped)\""]
        }
        return encodedWords(text)
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
