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
                    checker.report(line, nil, "unknown field '\(key)'; the fields are \(ClaimColumn.allCases.map(\.rawValue).joined(separator: ", "))")
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

    private static func reason(_ error: any Error) -> String {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    }
}
