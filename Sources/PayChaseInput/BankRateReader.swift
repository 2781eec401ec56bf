import PayChaseDomain

/// Reads `bank-rate.csv`: `from,bank_rate,checked_against` lines, `#` comments, every problem at once.
public enum BankRateReader {
    /// The Bank of England's page the figures come from; each row also names where it was checked.
    public static let source = "Bank of England, Bank Rate history (https://www.bankofengland.co.uk/boeapps/database/Bank-Rate.asp)"

    public static func load(path: String) throws(InputError) -> BankRateTable {
        try parse(try TextFile.read(path, kind: .data), file: path)
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> BankRateTable {
        var changes: [BankRateTable.Change] = []
        var problems: [Diagnostic] = []
        var sawHeader = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: "\r").trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader {
                sawHeader = true
                if line.hasPrefix("from,") { continue }
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            func problem(_ field: String, _ message: String) {
                problems.append(Diagnostic(file: file, line: index + 1, field: field, message: message))
            }
            guard fields.count >= 2 else {
                problem("from", "each line needs a date and a rate, such as 2025-12-18,3.75")
                continue
            }
            let date: CalendarDate
            do { date = try CalendarDate(parsing: fields[0]) } catch {
                problem("from", error.description)
                continue
            }
            // A rate is read like an amount: exact hundredths, never through a floating-point number.
            guard let rate = try? Money(parsing: fields[1]), rate.pence < 10_000 else {
                problem("bank_rate", "'\(fields[1])' is not a rate in per cent with at most two decimals, such as 3.75")
                continue
            }
            changes.append(.init(from: date, basisPoints: Int(rate.pence)))
        }
        if problems.isEmpty && changes.isEmpty { problems.append(Diagnostic(file: file, message: "lists no rates")) }
        guard problems.isEmpty else { throw InputError(kind: .data, diagnostics: problems) }
        return BankRateTable(changes: changes, source: source)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(self.last == set ? self.dropLast() : self)
    }
}
