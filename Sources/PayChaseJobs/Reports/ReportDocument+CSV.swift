import PayChaseDomain

extension ReportDocument {
    /// CSV that opens in Excel: UTF-8 with a BOM, CRLF line ends; the title, then each table
    /// under its heading and notes, a blank line between. Amounts are plain numbers (`1234.56`),
    /// dates ISO 8601, so Excel reads them as numbers and dates.
    public func csv() -> [UInt8] {
        var lines = [[title]] + lead.map { [$0] }
        for table in tables {
            lines.append([])
            lines.append([table.heading])
            lines += table.notes.map { [$0] }
            lines.append(table.columns.map(\.title))
            lines += table.rows.map { $0.map(\.csvText) }
        }
        let text = lines.map { $0.map(Self.quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    /// A field quoted when it has a comma, quote or line break, its quotes doubled. A leading
    /// `=`, `+`, `-` or `@` in text is kept from being read as a formula by a leading quote mark.
    static func quoted(_ field: String) -> String {
        var field = field
        if let first = field.first, "=+@".contains(first) || (first == "-" && Double(field) == nil) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension ReportDocument.Cell {
    /// As a spreadsheet reads it: `1234.56`, `2026-11-22`.
    var csvText: String {
        switch self {
        case .money(let money): money.decimalString
        case .date(let date): date.description
        default: printed
        }
    }
}
