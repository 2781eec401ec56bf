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
            let (reason, position) = Self.syntaxError(error, in: text)
            if let position {
                checker.report(line: position.line, character: position.character, "is not valid JSON: \(reason)")
            } else {
                checker.report(nil, nil, "is not valid JSON (\(reason))")
            }
            return []
        }
        guard let array = value as? [Any] else {
            checker.report(1, nil, "must be a JSON array of claims, [ {...}, {...} ]")
            return []
        }
        let sources = Self.elementSources(in: text)
        var rows: [ClaimRow] = []
        for (index, element) in array.enumerated() {
            let source = index < sources.count ? sources[index] : ElementSource(line: 1)
            let line = source.line
            guard let object = element as? [String: Any] else {
                checker.report(line, nil, "claim \(index + 1) must be an object with named fields")
                continue
            }
            var fields: [ClaimColumn: String] = [:]
            for (key, raw) in object.sorted(by: { $0.key < $1.key }) {
                guard let column = ClaimColumn(rawValue: key) else {
                    checker.report(
                        line,
                        nil,
                        "unknown field '\(key)'; the fields are \(ClaimColumn.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                    continue
                }
                switch raw {
                case is NSNull: break
                case let string as String: fields[column] = string
                case is NSNumber:
                    guard let literal = source.numbers[key] else {
                        checker.report(line, column, "must be text or a number")
                        continue
                    }
                    fields[column] = Self.plainDecimal(literal)
                default:
                    checker.report(line, column, "must be text or a number")
                }
            }
            rows.append(ClaimRow(fields: fields, line: line))
        }
        return rows
    }

    /// Foundation's reason, and where it is: it says "around character N" (a byte offset) or
    /// "around line L, column C"; either becomes a line and a character on it.
    static func syntaxError(_ error: any Error, in text: String) -> (reason: String, position: (line: Int, character: Int)?) {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        if let match = description.firstMatch(of: /(.*?)\s*around line (\d+), column (\d+)\.?$/), let line = Int(match.2), let column = Int(match.3) {
            return (String(match.1), (line, column))
        }
        guard let match = description.firstMatch(of: /(.*?)\s*around character (\d+)\.?$/), let offset = Int(match.2) else {
            return (description, nil)
        }
        let before = text.utf8.prefix(offset)
        let line = before.count(where: { $0 == 10 }) + 1
        let lineStart = before.lastIndex(of: 10).map { before.index(after: $0) } ?? before.startIndex
        let character = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return (String(match.1), (line, character))
    }
}
