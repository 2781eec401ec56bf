import Foundation
import PayChaseDomain

/// Reads a JSON array of claim objects with the same field names as the CSV columns.
struct JSONClaimReader {
    let file: String

    func rows(in text: String, reporting checker: inout ClaimRowChecker) -> [ClaimRow] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            checker.report(nil, nil, "is not valid JSON (\(Self.reason(error)))")
            return []
        }
        guard let array = value as? [Any] else {
            checker.report(1, nil, "must be a JSON array of claims, [ {...}, {...} ]")
            return []
        }
        let lines = Self.elementLines(in: text)
        var rows: [ClaimRow] = []
        for (index, element) in array.enumerated() {
            let line = index < lines.count ? lines[index] : 1
            guard let object = element as? [String: Any] else {
                checker.report(line, nil, "claim \(index + 1) must be an object with named fields")
                continue
            }
            var fields: [ClaimColumn: String] = [:]
            for (key, raw) in object.sorted(by: { $0.key < $1.key }) {
                guard let column = ClaimColumn(rawValue: key) else {
                    checker.report(line, nil, "unknown field '\(key)'; the fields are \(ClaimColumn.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                switch raw {
                case is NSNull: break
                case let string as String: fields[column] = string
                case let number as NSNumber:
                    fields[column] = Self.text(of: number)
                default:
                    checker.report(line, column, "must be text or a number")
                }
            }
            rows.append(ClaimRow(fields: fields, line: line))
        }
        return rows
    }

    /// A JSON number as it was written: 1234.56 stays `1234.56` (shortest round trip).
    private static func text(of number: NSNumber) -> String {
        let double = number.doubleValue
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
        return "\(double)"
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }

    /// The line on which each element of the top-level array starts.
    static func elementLines(in text: String) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 1 { lines.append(line) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return lines
    }
}
