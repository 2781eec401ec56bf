/// Reads a JSON array of claim objects with the same field names as the CSV columns, in one
/// pass of `JSONText`, which keeps each claim's line and each number as written.
struct JSONClaimReader {
    let file: String

    func rows(in text: String, reporting checker: inout ClaimRowChecker) -> [ClaimRow] {
        let document: JSONText.Node
        do { document = try JSONText.parse(text) } catch {
            checker.report(line: error.line, character: error.character, "is not valid JSON: \(error.reason)")
            return []
        }
        guard case .array(let elements) = document.value else {
            checker.report(1, nil, "must be a JSON array of claims, [ {...}, {...} ]")
            return []
        }
        var rows: [ClaimRow] = []
        for (index, element) in elements.enumerated() {
            let line = element.line
            guard case .object(let members) = element.value else {
                checker.report(line, nil, "claim \(index + 1) must be an object with named fields")
                continue
            }
            var fields: [ClaimColumn: String] = [:]
            for (key, node) in members.sorted(by: { $0.key < $1.key }) {
                guard let column = ClaimColumn(rawValue: key) else {
                    checker.report(
                        line,
                        nil,
                        "unknown field '\(key)'; the fields are \(ClaimColumn.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                    continue
                }
                switch node.value {
                case .null: break
                case .string(let string): fields[column] = string
                case .number(let literal): fields[column] = Self.plainDecimal(literal)
                case .bool, .object, .array: checker.report(line, column, "must be text or a number")
                }
            }
            rows.append(ClaimRow(fields: fields, line: line))
        }
        return rows
    }
}
