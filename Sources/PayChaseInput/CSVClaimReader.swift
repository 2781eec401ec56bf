import CSV
import PayChaseDomain

/// Splits CSV text into claim rows, keeping the line each record starts on.
struct CSVClaimReader {
    let file: String

    func rows(in text: String, reporting checker: inout ClaimRowChecker) -> [ClaimRow] {
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else {
            checker.report(1, nil, "cannot be read as CSV")
            return []
        }
        guard let header = reader.next(), header.contains(where: { !$0.trimmingSpaces().isEmpty }) else {
            checker.report(1, nil, "the first line must name the columns (claim_id, service, category, ...)")
            return []
        }
        guard let columns = self.columns(from: header, reporting: &checker) else { return [] }

        var rows: [ClaimRow] = []
        var line = 2 + header.reduce(0) { $0 + Self.lineBreaks(in: $1) }
        while let record = reader.next() {
            let start = line
            line += 1 + record.reduce(0) { $0 + Self.lineBreaks(in: $1) }
            if record.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if record.count > columns.count, record[columns.count...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
                checker.report(start, nil, "has \(record.count) fields but the header names \(columns.count) columns (a comma inside an unquoted field?)")
                continue
            }
            var fields: [ClaimColumn: String] = [:]
            for (index, column) in columns.enumerated() where index < record.count {
                fields[column] = record[index]
            }
            rows.append(ClaimRow(fields: fields, line: start))
        }
        for problem in Self.quoteProblems(in: text) {
            let column = problem.record > 0 && problem.field < columns.count ? columns[problem.field] : nil
            checker.report(problem.line, column, problem.message)
        }
        return rows
    }

    private func columns(from header: [String], reporting checker: inout ClaimRowChecker) -> [ClaimColumn]? {
        var columns: [ClaimColumn] = []
        var unknown: [String] = []
        for name in header {
            guard let column = ClaimColumn(header: name) else {
                unknown.append(name.trimmingSpaces().isEmpty ? "(blank)" : "'\(name.trimmingSpaces())'")
                continue
            }
            if columns.contains(column) { checker.report(1, column, "appears twice in the header") }
            columns.append(column)
        }
        if !unknown.isEmpty {
            let known = ClaimColumn.allCases.map(\.rawValue).joined(separator: ", ")
            checker.report(1, nil, "unknown column\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", ")); the columns are \(known)")
        }
        for column in ClaimColumn.required where !columns.contains(column) {
            checker.report(1, column, "required column is missing from the header")
        }
        return checker.diagnostics.isEmpty ? columns : nil
    }

    /// CRLF, LF or a lone CR each count as one line break.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var afterCR = false
        for scalar in field.unicodeScalars {
            if scalar == "\r" { count += 1 } else if scalar == "\n" && !afterCR { count += 1 }
            afterCR = scalar == "\r"
        }
        return count
    }
}
