extension MailComposer {
    /// `bytes` with the header field `name` given a new value, folded as the composer folds it;
    /// the body and every other byte unchanged. A message without the field is returned as it is.
    /// Used to write the record's head into each email as it is handed to the server.
    public static func restamp(_ bytes: [UInt8], field name: String, value: String) -> [UInt8] {
        let lower = Array(name.lowercased().utf8) + [UInt8(ascii: ":")]
        var start = 0
        while start < bytes.count {
            let end = lineEnd(bytes, from: start)
            if end == start { return bytes }  // the blank line: the header has no such field
            if matches(bytes, at: start, lower) {
                // The field runs on over continuation lines (those starting with a space or tab).
                var next = end + 2
                while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") {
                    next = lineEnd(bytes, from: next) + 2
                }
                let field = Array(HeaderEncoding.field(name, value).utf8) + [13, 10]
                return Array(bytes[..<start]) + field + Array(bytes[min(next, bytes.count)...])
            }
            start = end + 2
        }
        return bytes
    }

    /// Where the line starting at `start` ends (its CR), or the end of the bytes.
    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 { return index }
            index += 1
        }
        return bytes.count
    }

    private static func matches(_ bytes: [UInt8], at start: Int, _ lowerName: [UInt8]) -> Bool {
        guard start + lowerName.count <= bytes.count else { return false }
        for (offset, expected) in lowerName.enumerated() {
            var byte = bytes[start + offset]
            if (65...90).contains(byte) { byte += 32 }
            if byte != expected { return false }
        }
        return true
    }
}
