import Foundation

extension JSONClaimReader {
    /// Where one element of the top-level array starts, and its numbers as they were written.
    struct ElementSource {
        var line: Int
        /// Field name to the number's text in the file, for elements that are objects.
        var numbers: [String: String] = [:]
    }

    /// One entry per element of the top-level array of `text`, which must be valid JSON.
    /// `JSONSerialization` turns numbers into `Double`, which rounds `1234.560000000000001` to
    /// `1234.56`; amounts are read from the text instead, so they are exact or refused.
    static func elementSources(in text: String) -> [ElementSource] {
        let bytes = Array(text.utf8)
        var sources: [ElementSource] = []
        var open: [UInt8] = []  // the brackets around the current position
        var key: String?  // in a claim object, the field whose value comes next
        var expectingKey = false
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let start = index
            index += 1
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
            case UInt8(ascii: "\""):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index += 1
                if open.count == 1 { sources.append(ElementSource(line: line)) }
                if open.count == 2, expectingKey { key = Self.string(bytes[start..<min(index, bytes.count)]) }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if open.count == 1 {
                    sources.append(ElementSource(line: line))
                    key = nil
                }
                open.append(byte)
                if open.count == 2 { expectingKey = byte == UInt8(ascii: "{") }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = open.popLast()
            case UInt8(ascii: ","):
                if open.count == 2 { expectingKey = open[1] == UInt8(ascii: "{") }
            case UInt8(ascii: ":"):
                if open.count == 2 { expectingKey = false }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                // A number, or true, false or null.
                while index < bytes.count, Self.continuesScalar(bytes[index]) { index += 1 }
                if open.count == 1 { sources.append(ElementSource(line: line)) }
                let isNumber = byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                if open.count == 2, isNumber, let key, !sources.isEmpty {
                    sources[sources.count - 1].numbers[key] = String(decoding: bytes[start..<index], as: UTF8.self)
                }
            default:
                break
            }
        }
        return sources
    }

    private static func continuesScalar(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// A JSON string literal, quotes included, as the text it stands for.
    private static func string(_ literal: ArraySlice<UInt8>) -> String? {
        if !literal.contains(UInt8(ascii: "\\")) { return String(decoding: literal.dropFirst().dropLast(), as: UTF8.self) }
        return (try? JSONSerialization.jsonObject(with: Data(literal), options: [.fragmentsAllowed])) as? String
    }

    /// A JSON number's text as plain decimals, exactly: `1e3` is `1000`, `12345e-2` is `123.45`,
    /// and `1234.565` stays as it is so it is refused for its third decimal, as in a CSV file.
    static func plainDecimal(_ literal: String) -> String {
        guard let e = literal.firstIndex(where: { $0 == "e" || $0 == "E" }),
            let exponent = Int(literal[literal.index(after: e)...]), abs(exponent) <= 64
        else { return literal }
        var mantissa = literal[..<e]
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0]) + (parts.count > 1 ? Array(parts[1]) : [])
        var point = parts[0].count + exponent
        if point < 0 {
            digits.insert(contentsOf: repeatElement("0", count: -point), at: 0)
            point = 0
        }
        if point > digits.count { digits += repeatElement("0", count: point - digits.count) }
        let whole = String(digits[..<point].drop { $0 == "0" })
        let fraction = String(digits[point...])
        return sign + (whole.isEmpty ? "0" : whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
