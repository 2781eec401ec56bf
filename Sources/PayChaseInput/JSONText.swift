/// JSON read once, keeping what a claims file needs that Foundation's reader loses: the line
/// each value starts on, and each number exactly as written (`1234.560000000000001` is refused
/// for its decimals, not rounded to `1234.56`). RFC 8259, nothing more.
struct JSONText {
    indirect enum Value {
        /// The members in the order written.
        case object([(key: String, value: Node)])
        case array([Node])
        case string(String)
        /// The number's text as written.
        case number(String)
        case bool(Bool)
        case null
    }

    struct Node {
        var value: Value
        var line: Int
    }

    /// Where the text stops being JSON: the line, and the character on it (not the byte).
    struct SyntaxError: Error {
        var reason: String
        var line: Int
        var character: Int
    }

    static func parse(_ text: String) throws(SyntaxError) -> Node {
        var parser = JSONText(bytes: Array(text.utf8))
        parser.skipSpace()
        let node = try parser.value()
        parser.skipSpace()
        guard parser.at == parser.bytes.count else { throw parser.error("Garbage at end") }
        return node
    }

    private let bytes: [UInt8]
    private var at = 0
    private var line = 1
    private var lineStart = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ reason: String) -> SyntaxError {
        let character = String(decoding: bytes[lineStart..<min(at, bytes.count)], as: UTF8.self).count + 1
        return SyntaxError(reason: at >= bytes.count ? "Unexpected end of file" : reason, line: line, character: character)
    }

    private var next: UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func skipSpace() {
        while let byte = next, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if byte == 0x0A {
                line += 1
                lineStart = at + 1
            }
            at += 1
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        at += 1
        return true
    }

    private mutating func value() throws(SyntaxError) -> Node {
        let start = line
        switch next {
        case UInt8(ascii: "{")?: return Node(value: try object(), line: start)
        case UInt8(ascii: "[")?: return Node(value: try array(), line: start)
        case UInt8(ascii: "\"")?: return Node(value: .string(try string()), line: start)
        case UInt8(ascii: "-")?, (UInt8(ascii: "0")...UInt8(ascii: "9"))?: return Node(value: .number(try number()), line: start)
        default:
            for (word, value) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)] where matches(word) {
                return Node(value: value, line: start)
            }
            throw error("Invalid value")
        }
    }

    private mutating func matches(_ word: String) -> Bool {
        let word = Array(word.utf8)
        guard at + word.count <= bytes.count, Array(bytes[at..<at + word.count]) == word else { return false }
        at += word.count
        return true
    }

    private mutating func object() throws(SyntaxError) -> Value {
        at += 1
        var members: [(key: String, value: Node)] = []
        skipSpace()
        if take(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipSpace()
            guard next == UInt8(ascii: "\"") else { throw error("Invalid value") }
            let key = try string()
            skipSpace()
            guard take(UInt8(ascii: ":")) else { throw error("Expected ':' after a field name") }
            skipSpace()
            members.append((key, try value()))
            skipSpace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { throw error("Expected ',' or '}'") }
        return .object(members)
    }

    private mutating func array() throws(SyntaxError) -> Value {
        at += 1
        var elements: [Node] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            skipSpace()
            elements.append(try value())
            skipSpace()
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { throw error("Expected ',' or ']'") }
        return .array(elements)
    }

    private mutating func number() throws(SyntaxError) -> String {
        let start = at
        _ = take(UInt8(ascii: "-"))
        func digits() -> Int {
            let from = at
            while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { at += 1 }
            return at - from
        }
        let whole = at
        guard digits() > 0, bytes[whole] != UInt8(ascii: "0") || at - whole == 1 else { throw error("Invalid number") }
        if take(UInt8(ascii: ".")), digits() == 0 { throw error("Invalid number") }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            if digits() == 0 { throw error("Invalid number") }
        }
        return String(decoding: bytes[start..<at], as: UTF8.self)
    }

    private mutating func string() throws(SyntaxError) -> String {
        at += 1
        var scalars = String.UnicodeScalarView()
        var run = at
        func flush() { scalars.append(contentsOf: String(decoding: bytes[run..<at], as: UTF8.self).unicodeScalars) }
        while let byte = next {
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                at += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                at += 1
                scalars.append(try escape())
                run = at
            case 0..<0x20:
                throw error("Unescaped control character in a string")
            default:
                at += 1
            }
        }
        throw error("Unterminated string")
    }

    private mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
        guard let byte = next else { throw error("Unterminated string") }
        at += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(byte)
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high), take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")) {
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                    return scalar
                }
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("Invalid escape") }
            return scalar
        default:
            at -= 1
            throw error("Invalid escape")
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard at + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16) else {
            throw error("Invalid escape")
        }
        at += 4
        return value
    }
}
