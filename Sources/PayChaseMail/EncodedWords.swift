/// RFC 2047 encoded words (`=?utf-8?B?…?=`, `=?iso-8859-1?Q?…?=`) in header text, decoded.
/// Whitespace between two encoded words goes, and adjacent words in one charset are joined
/// before decoding, since mailers split a character's bytes across words.
enum EncodedWords {
    /// Longest encoded text looked at; RFC 2047 allows 75 characters a word.
    static let maxWordLength = 2000

    static func decode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, text.contains("=?") else { return text }
        var out: [UInt8] = []
        var pending: (charset: String, bytes: [UInt8])?
        var gap: [UInt8] = []

        func flushPending() {
            if let run = pending { out += Array(Charset.decode(run.bytes[...], charset: run.charset).utf8) }
            pending = nil
        }

        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), let word = encodedWord(bytes, at: index) {
                if pending == nil { out += gap }
                gap = []
                if let run = pending, run.charset == word.charset {
                    pending = (run.charset, run.bytes + word.bytes)
                } else {
                    flushPending()
                    pending = (word.charset, word.bytes)
                }
                index = word.end
                continue
            }
            let byte = bytes[index]
            if byte == 32 || byte == 9 || byte == 13 || byte == 10 {
                gap.append(byte)
            } else {
                flushPending()
                out += gap
                gap = []
                out.append(byte)
            }
            index += 1
        }
        flushPending()
        out += gap
        return String(decoding: out, as: UTF8.self)
    }

    /// `=?charset?B|Q?text?=` starting at `start`, decoded to bytes, and where it ends.
    private static func encodedWord(_ bytes: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "?") else { return nil }
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?"), isTokenByte(bytes[index]), index - charsetStart < 64 { index += 1 }
        guard index > charsetStart, index + 2 < bytes.count, bytes[index] == UInt8(ascii: "?"), bytes[index + 2] == UInt8(ascii: "?") else {
            return nil
        }
        // `charset*language` (RFC 2231): the language is dropped.
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self).split(separator: "*").first.map(String.init) ?? ""
        let encoding = bytes[index + 1] | 0x20
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        index += 3
        let textStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?"), bytes[index] > 32, index - textStart < maxWordLength { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "?"), bytes[index + 1] == UInt8(ascii: "=") else { return nil }
        let text = bytes[textStart..<index]
        let decoded = encoding == UInt8(ascii: "b") ? Base64.decode(text) : qDecode(text)
        return (charset.lowercased(), decoded, index + 2)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        byte > 32 && byte < 127 && byte != UInt8(ascii: "=")
    }

    /// The Q encoding: quoted-printable where `_` is a space.
    private static func qDecode(_ text: ArraySlice<UInt8>) -> [UInt8] {
        HexEscapes.decode(text, marker: UInt8(ascii: "="), underscoreIsSpace: true)
    }
}
