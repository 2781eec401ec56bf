import CSV
import PayChaseDomain

/// The columns a CSV file PayChase reads may have (claims, services).
protocol CSVColumn: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// Matches a header as a spreadsheet may write it (`claim_id`, `Claim ID`, `claim-id`).
    init?(header: String)
    static var required: [Self] { get }
    /// How the first line should start, for a file without one (`claim_id, service, category, ...`).
    static var example: String { get }
}

extension CSVColumn {
    /// `Claim ID` → `claim_id`.
    static func normalised(_ header: String) -> String {
        header.trimmingSpaces().lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
    }
}

/// One record of a CSV file before it is checked: column to text, and the line it starts on.
struct CSVRow<Column: CSVColumn>: Sendable {
    var fields: [Column: String]
    var line: Int

    /// A column's text without surrounding spaces; nil when it is empty.
    func text(_ column: Column) -> String? {
        guard let value = fields[column]?.trimmingSpaces(), !value.isEmpty else { return nil }
        return value
    }
}

/// Collects the problems of a file as `FILE:LINE: column: message`.
protocol CSVProblemReporter<Column> {
    associatedtype Column: CSVColumn
    var diagnostics: [Diagnostic] { get }
    mutating func report(_ line: Int?, _ column: Column?, _ message: String)
}

/// Splits CSV text (as Excel saves it) into rows of named columns, keeping the line each
/// record starts on, and reporting what is wrong with the header or the quoting.
/// The one reader of every CSV file PayChase reads: claims, services and Bank Rate.
struct CSVTableReader<Column: CSVColumn> {
    let file: String
    /// Lines that start with `#` are notes, not records (`bank-rate.csv`).
    var comments = false

    func rows(in text: String, reporting checker: inout some CSVProblemReporter<Column>) -> [CSVRow<Column>] {
        let text = comments ? Self.blankingComments(text) : text
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else {
            checker.report(1, nil, "cannot be read as CSV")
            return []
        }
        var line = 1
        var first = reader.next()
        // Notes before the header are passed over.
        while comments, let blank = first, blank.allSatisfy({ $0.trimmingSpaces().isEmpty }) {
            line += 1 + blank.reduce(0) { $0 + CSVText.lineBreaks(in: $1) }
            first = reader.next()
        }
        guard let header = first, header.contains(where: { !$0.trimmingSpaces().isEmpty }) else {
            checker.report(line, nil, "the first line must name the columns (\(Column.example))")
            return []
        }
        guard let columns = self.columns(from: header, at: line, reporting: &checker) else { return [] }

        var rows: [CSVRow<Column>] = []
        line += 1 + header.reduce(0) { $0 + CSVText.lineBreaks(in: $1) }
        while let record = reader.next() {
            let start = line
            line += 1 + record.reduce(0) { $0 + CSVText.lineBreaks(in: $1) }
            if record.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if record.count > columns.count, record[columns.count...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
                checker.report(
                    start,
                    nil,
                    "has \(record.count) fields but the header names \(columns.count) columns (a comma inside an unquoted field?)"
                )
                continue
            }
            var fields: [Column: String] = [:]
            for (index, column) in columns.enumerated() where index < record.count {
                fields[column] = record[index]
            }
            rows.append(CSVRow(fields: fields, line: start))
        }
        for problem in CSVText.quoteProblems(in: text) {
            let column = problem.record > 0 && problem.field < columns.count ? columns[problem.field] : nil
            checker.report(problem.line, column, problem.message)
        }
        return rows
    }

    /// `text` with each `#` line left empty, so every other line keeps its number.
    private static func blankingComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingSpaces().hasPrefix("#") ? "" : String($0) }
            .joined(separator: "\n")
    }

    private func columns(from header: [String], at line: Int, reporting checker: inout some CSVProblemReporter<Column>) -> [Column]? {
        let before = checker.diagnostics.count
        var columns: [Column] = []
        var unknown: [String] = []
        for name in header {
            guard let column = Column(header: name) else {
                unknown.append(name.trimmingSpaces().isEmpty ? "(blank)" : "'\(name.trimmingSpaces())'")
                continue
            }
            if columns.contains(column) { checker.report(line, column, "appears twice in the header") }
            columns.append(column)
        }
        if !unknown.isEmpty {
            let known = Column.allCases.map(\.rawValue).joined(separator: ", ")
            checker.report(line, nil, "unknown column\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", ")); the columns are \(known)")
        }
        for column in Column.required where !columns.contains(column) {
            checker.report(line, column, "required column is missing from the header")
        }
        return checker.diagnostics.count == before ? columns : nil
    }
}

extension CSVText {
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
