import PayChaseDomain

/// Reads `bank-rate.csv`: `from,bank_rate,checked_against` lines, `#` comments, and one
/// `# checked_through: 2026-06-30` line saying the last day the table is known to be complete;
/// every problem at once.
public enum BankRateReader {
    /// The Bank of England's page the figures come from; each row also names where it was checked.
    public static let source = "Bank of England, Bank Rate history (https://www.bankofengland.co.uk/boeapps/database/Bank-Rate.asp)"

    public static func load(path: String) throws(InputError) -> BankRateTable {
        try parse(try TextFile.read(path, kind: .data), file: path)
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> BankRateTable {
        var checker = Checker(file: file)
        var changes: [BankRateTable.Change] = []
        for row in CSVTableReader<BankRateColumn>(file: file, comments: true).rows(in: text, reporting: &checker) {
            guard let from = row.text(.from), let rateText = row.text(.bankRate) else {
                checker.report(row.line, row.text(.from) == nil ? .from : .bankRate, "each line needs a date and a rate, such as 2025-12-18,3.75")
                continue
            }
            let date: CalendarDate
            do { date = try CalendarDate(parsing: from) } catch {
                checker.report(row.line, .from, error.description)
                continue
            }
            // A rate is read like an amount: exact hundredths, never through a floating-point number.
            guard let rate = try? Money(parsing: rateText), rate.pence < 10_000 else {
                checker.report(row.line, .bankRate, "'\(rateText)' is not a rate in per cent with at most two decimals, such as 3.75")
                continue
            }
            changes.append(.init(from: date, basisPoints: Int(rate.pence)))
        }
        if checker.diagnostics.isEmpty && changes.isEmpty { checker.diagnostics.append(Diagnostic(file: file, message: "lists no rates")) }
        let checkedThrough = Self.checkedThrough(in: text, file: file, &checker)
        if let checkedThrough, let last = changes.map(\.from).max(), checkedThrough < last {
            checker.diagnostics.append(
                Diagnostic(file: file, field: "checked_through", message: "\(checkedThrough) is before the newest change listed (\(last))")
            )
        }
        guard checker.diagnostics.isEmpty else { throw InputError(kind: .data, diagnostics: checker.diagnostics) }
        return BankRateTable(changes: changes, source: source, checkedThrough: checkedThrough)
    }

    /// The date of the `# checked_through:` line, if there is one.
    private static func checkedThrough(in text: String, file: String, _ checker: inout Checker) -> CalendarDate? {
        let marker = "# checked_through:"
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix(marker) {
            let value = line.dropFirst(marker.count).split(separator: " ", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            do { return try CalendarDate(parsing: value) } catch {
                checker.diagnostics.append(Diagnostic(file: file, line: index + 1, field: "checked_through", message: error.description))
                return nil
            }
        }
        return nil
    }

    private struct Checker: CSVProblemReporter {
        let file: String
        var diagnostics: [Diagnostic] = []

        mutating func report(_ line: Int?, _ column: BankRateColumn?, _ message: String) {
            diagnostics.append(Diagnostic(file: file, line: line, field: column?.rawValue, message: message))
        }
    }
}
