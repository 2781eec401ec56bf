import CSV
import Crypto
import Foundation
import PayChaseDomain

/// Reads a statement exported from online banking — OFX (1.x SGML or 2.x XML) or CSV in a known
/// bank's layout or the profile's mapping — into its credits. Debits are left out; a line that
/// cannot be read is reported `FILE:LINE: ...` and the rest are still read.
public struct BankStatementReader: Sendable {
    /// The profile's `bank.csv` mapping, tried before the known layouts.
    public var mapping: BankCSVLayout?

    public init(mapping: BankCSVLayout? = nil) { self.mapping = mapping }

    public struct Statement: Sendable {
        /// `OFX`, `Barclays`, ...
        public var layout: String
        public var credits: [BankCredit] = []
        /// Lines that could not be read, as `FILE:LINE: message`.
        public var problems: [Diagnostic] = []
        /// Debits and balance lines passed over.
        public var skipped = 0
    }

    public func read(path: String) throws(InputError) -> Statement {
        let text = try TextFile.read(path, kind: .data)
        return try read(text, file: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// An upload's bytes, decoded as a file is (a BOM dropped; Windows-1252 when not UTF-8).
    public func read(bytes: [UInt8], file: String) throws(InputError) -> Statement {
        try read(TextFile.decode(Data(bytes)), file: file)
    }

    public func read(_ text: String, file: String) throws(InputError) -> Statement {
        let head = text.prefix(2000).uppercased()
        if head.contains("<OFX>") || head.contains("OFXHEADER") { return readOFX(text, file: file) }
        return try readCSV(text, file: file)
    }

    // MARK: OFX

    /// Each `<STMTTRN>` block: its TRNAMT, DTPOSTED, NAME and MEMO, and FITID to tell it apart.
    /// SGML leaves elements unclosed, XML closes them: a value runs to the next `<` either way.
    func readOFX(_ text: String, file: String) -> Statement {
        var statement = Statement(layout: "OFX")
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var block: [String: String] = [:]
        var start = 0
        var inside = false
        for (index, raw) in lines.enumerated() {
            var rest = Substring(raw)
            while let open = rest.firstIndex(of: "<") {
                guard let close = rest[open...].firstIndex(of: ">") else { break }
                let tag = rest[rest.index(after: open)..<close].uppercased()
                let after = rest[rest.index(after: close)...]
                let value = after.prefix { $0 != "<" }.trimmingCharacters(in: .whitespaces)
                switch tag {
                case "STMTTRN":
                    inside = true
                    block = [:]
                    start = index + 1
                case "/STMTTRN":
                    if inside { take(ofx: block, line: start, file: file, into: &statement) }
                    inside = false
                default:
                    if inside, !tag.hasPrefix("/"), !value.isEmpty { block[tag] = value }
                }
                rest = after
            }
        }
        return statement
    }

    private func take(ofx block: [String: String], line: Int, file: String, into statement: inout Statement) {
        let place = "\(file):\(line)"
        guard let amountText = block["TRNAMT"], let amount = Self.amount(amountText) else {
            statement.problems.append(Diagnostic(file: file, line: line, message: "TRNAMT: '\(block["TRNAMT"] ?? "")' is not an amount"))
            return
        }
        guard let posted = block["DTPOSTED"], let date = Self.ofxDate(posted) else {
            statement.problems.append(Diagnostic(file: file, line: line, message: "DTPOSTED: '\(block["DTPOSTED"] ?? "")' is not a date"))
            return
        }
        guard amount > .zero else {
            statement.skipped += 1
            return
        }
        let description = [block["NAME"], block["MEMO"]].compactMap { $0 }.joined(separator: " ")
        let identity = "ofx|\(block["FITID"] ?? "")|\(date)|\(amount.pence)|\(description)"
        statement.credits.append(BankCredit(date: date, description: description, amount: amount, sha256: Self.digest(identity), place: place))
    }

    /// `20261201`, `20261201120000`, `20261201120000.000[0:GMT]`.
    static func ofxDate(_ text: String) -> CalendarDate? {
        let digits = text.prefix(8)
        guard digits.count == 8, digits.allSatisfy(\.isNumber), let year = Int(digits.prefix(4)), let month = Int(digits.dropFirst(4).prefix(2)),
            let day = Int(digits.suffix(2))
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    // MARK: CSV

    func readCSV(_ text: String, file: String) throws(InputError) -> Statement {
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else {
            throw InputError(kind: .data, diagnostics: [Diagnostic(file: file, line: 1, message: "cannot be read as CSV or OFX")])
        }
        var records: [(line: Int, fields: [String])] = []
        var line = 1
        while let record = reader.next() {
            records.append((line, record))
            line += 1 + record.reduce(0) { $0 + CSVText.lineBreaks(in: $1) }
        }
        // Some exports put an account line or two above the header: the header is the first
        // line a layout fits.
        for (index, record) in records.prefix(6).enumerated() {
            let header = record.fields.map(BankCSVLayout.key)
            let layouts = [mapping].compactMap { $0 } + BankCSVLayout.known
            if let layout = layouts.first(where: { Set($0.columns).isSubset(of: Set(header)) }) {
                return read(records.dropFirst(index + 1), header: header, layout: layout, file: file)
            }
        }
        if let first = records.first, first.fields.count == 3, Self.date(first.fields[0]) != nil {
            return read(records[...], header: ["0", "1", "2"], layout: BankCSVLayout.headerless, file: file)
        }
        let known = BankCSVLayout.known.map(\.name).joined(separator: ", ")
        throw InputError(
            kind: .data,
            diagnostics: [
                Diagnostic(
                    file: file,
                    line: 1,
                    message:
                        "is not a statement PayChase knows: no line names the columns of an OFX file or of \(known); map your bank's columns under bank.csv in paychase.yaml (see README, \"Payments from the bank statement\")"
                )
            ]
        )
    }

    private func read(
        _ records: ArraySlice<(line: Int, fields: [String])>,
        header: [String],
        layout: BankCSVLayout,
        file: String
    ) -> Statement {
        var statement = Statement(layout: layout.name)
        func column(_ name: String?) -> Int? { name.flatMap { header.firstIndex(of: BankCSVLayout.key($0)) } }
        let date = column(layout.date)!
        let descriptions = layout.description.compactMap(column)
        let amount = column(layout.amount)
        let credit = column(layout.credit)
        let debit = column(layout.debit)
        let balance = column(layout.balance)
        var seen: [String: Int] = [:]
        for record in records {
            let fields = record.fields
            func field(_ index: Int?) -> String { index.flatMap { $0 < fields.count ? fields[$0].trimmingSpaces() : nil } ?? "" }
            if fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            let description = descriptions.map(field).filter { !$0.isEmpty }.joined(separator: " ")
            guard let day = Self.date(field(date)) else {
                // A closing-balance or total line has no date: passed over, not a problem.
                if fields.joined(separator: " ").lowercased().contains("balance") || field(date).isEmpty {
                    statement.skipped += 1
                } else {
                    statement.problems.append(Diagnostic(file: file, line: record.line, message: "\(layout.date): '\(field(date))' is not a date"))
                }
                continue
            }
            var money: Money?
            if let amount {
                money = Self.amount(field(amount))
            } else if !field(credit).isEmpty {
                money = Self.amount(field(credit)).map { Money(pence: abs($0.pence)) }
            } else if !field(debit).isEmpty {
                money = Self.amount(field(debit)).map { Money(pence: -abs($0.pence)) }
            }
            guard let money else {
                let name = layout.amount ?? layout.credit ?? ""
                let text = layout.amount != nil ? field(amount) : field(credit) + field(debit)
                statement.problems.append(Diagnostic(file: file, line: record.line, message: "\(name): '\(text)' is not an amount"))
                continue
            }
            guard money > .zero else {
                statement.skipped += 1
                continue
            }
            let identity = "csv|\(day)|\(money.pence)|\(description)|\(field(balance))"
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            statement.credits.append(
                BankCredit(
                    date: day,
                    description: description,
                    amount: money,
                    sha256: Self.digest("\(identity)|#\(occurrence)"),
                    place: "\(file):\(record.line)"
                )
            )
        }
        return statement
    }

    /// `1,234.56`, `£1,234.56`, `-12.00`, `12.00 CR`, `12.00DR`, `(12.00)`.
    static func amount(_ text: String) -> Money? {
        var value = text.uppercased().replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "GBP", with: "")
        var negative = false
        if value.hasSuffix("CR") {
            value.removeLast(2)
        } else if value.hasSuffix("DR") {
            value.removeLast(2)
            negative = true
        }
        if value.hasPrefix("("), value.hasSuffix(")") {
            value = String(value.dropFirst().dropLast())
            negative = true
        }
        if value.hasPrefix("-") {
            value.removeFirst()
            negative.toggle()
        } else if value.hasPrefix("+") {
            value.removeFirst()
        }
        guard !value.isEmpty, let money = try? Money(parsing: value) else { return nil }
        return negative ? Money(pence: -money.pence) : money
    }

    /// As banks write dates: `02/01/2026`, `2026-01-02`, `02-01-2026`, `2 Jan 2026`, `02-Jan-2026`, `02 Jan 26`.
    static func date(_ text: String) -> CalendarDate? {
        if let date = try? CalendarDate(parsing: text) { return date }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" })
        guard parts.count == 3, let day = Int(parts[0]),
            let month = Self.months.firstIndex(of: parts[1].prefix(3).lowercased()).map({ $0 + 1 }),
            var year = Int(parts[2])
        else { return nil }
        if parts[2].count == 2 { year += 2000 }
        return CalendarDate(year: year, month: month, day: day)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func digest(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
