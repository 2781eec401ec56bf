import PayChaseDomain

/// One record of a claim list before it is checked: column to text, and where it starts.
typealias ClaimRow = CSVRow<ClaimColumn>

/// Turns rows into claims, collecting every problem rather than stopping at the first.
struct ClaimRowChecker: CSVProblemReporter {
    let file: String
    let profile: PracticeProfile?
    private(set) var diagnostics: [Diagnostic] = []
    /// Said once per file, not refused: rows that name the abolished CCG.
    private(set) var notes: [Diagnostic] = []
    private var seenIDs: [String: Int] = [:]
    private var ccgNoted = false
    /// Checking a part of a file on its own: ids are not compared here but kept, each with its
    /// line and where its problem would go among `diagnostics`, for the whole file's pass.
    var deferredIDs: [(id: String, line: Int, at: Int)]?

    init(file: String, profile: PracticeProfile?) {
        self.file = file
        self.profile = profile
    }

    mutating func report(_ line: Int?, _ column: ClaimColumn?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, field: column?.rawValue, message: message))
    }

    /// A syntax error at a line and character.
    mutating func report(line: Int, character: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: character, message: message))
    }

    static func usedAgain(_ id: String, line: Int, first: Int, file: String) -> Diagnostic {
        Diagnostic(
            file: file,
            line: line,
            field: ClaimColumn.claimID.rawValue,
            message: "'\(id)' is used again (first on line \(first)); every claim needs its own claim_id"
        )
    }

    /// Adds what a part of the file checked on its own found, in file order.
    mutating func take(_ part: ClaimRowChecker) {
        var found = part.diagnostics
        var inserted = 0
        for entry in part.deferredIDs ?? [] {
            if let first = seenIDs[entry.id] {
                found.insert(Self.usedAgain(entry.id, line: entry.line, first: first, file: file), at: entry.at + inserted)
                inserted += 1
            } else {
                seenIDs[entry.id] = entry.line
            }
        }
        diagnostics += found
        // The note about `ccg` is said once per file: the first part's.
        for note in part.notes where !(note.field == ClaimColumn.paymaster.rawValue && ccgNoted) {
            if note.field == ClaimColumn.paymaster.rawValue { ccgNoted = true }
            notes.append(note)
        }
    }

    mutating func claim(from row: ClaimRow) -> Claim? {
        let before = diagnostics.count
        let line = row.line
        checkCharacters(of: row)
        for column in ClaimColumn.required where row.text(column) == nil {
            report(line, column, "is required but empty")
        }
        let id = checkedID(row)
        let category = row.text(.category).flatMap { value -> Category? in
            guard let category = Category(parsing: value) else {
                report(line, .category, "'\(value)' is not a category; use QOF, DES, LES or PH")
                return nil
            }
            return category
        }
        let amount = money(row.text(.amount), .amount, line: line)
        let paid = money(row.text(.paid), .paid, line: line) ?? .zero
        if let amount, paid > amount {
            report(line, .paid, "\(paid.formatted) received is more than the \(amount.formatted) claimed")
        }
        let dates = checkedDates(row)
        let paymaster = checkedPaymaster(row, category: category)
        let contract = category.flatMap { placed(row, category: $0) }

        let files = evidenceFiles(row.text(.evidenceFiles), line: line)
        guard diagnostics.count == before, let id, let category, let amount, let submitted = dates.submitted,
            let service = row.text(.service), let period = row.text(.period)
        else { return nil }
        var claim = Claim(
            id: id,
            service: service,
            category: category,
            period: period,
            amount: amount,
            paid: paid,
            submittedOn: submitted,
            approvedOn: dates.approved,
            dueOn: dates.due,
            terms: contract?.paymentTerms ?? profile?.paymentTerms[contract?.route ?? category.defaultRoute],
            contract: contract,
            evidence: row.text(.evidence),
            evidenceSubmittedOn: dates.evidence,
            paymaster: paymaster,
            reference: row.text(.reference),
            invoiceRef: row.text(.invoiceRef),
            poNumber: row.text(.poNumber),
            invoiceDate: dates.invoice,
            calculation: row.text(.calculation),
            notes: row.text(.notes),
            line: line
        )
        claim.evidenceFiles = files
        return claim
    }

    /// `returns.pdf; log.csv`: each a relative path to a file beside the claims file.
    private mutating func evidenceFiles(_ text: String?, line: Int) -> [String] {
        guard let text else { return [] }
        let files = text.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        for file in files where file.hasPrefix("/") || file.split(separator: "/").contains("..") {
            report(line, .evidenceFiles, "'\(file)' must be a file beside the claims file (or in a folder beside it), named relative to it")
        }
        return files
    }

    /// Every column, in the order their problems are listed.
    private static let columnsByName = ClaimColumn.allCases.sorted { $0.rawValue < $1.rawValue }

    /// No NUL anywhere, and nothing that could break an email header in the text that goes into one.
    private mutating func checkCharacters(of row: ClaimRow) {
        for column in Self.columnsByName {
            guard let value = row.fields[column] else { continue }
            if value.hasNUL {
                report(row.line, column, "contains a NUL character; the file may be damaged")
            } else if ClaimColumn.headerBound.contains(column), value.trimmingSpaces().hasHeaderUnsafeCharacters {
                report(row.line, column, "contains a line break or control character; this text goes into email headers, so it must be one line")
            }
        }
    }

    /// The claim_id when it is safe for file names and not used before in the file.
    private mutating func checkedID(_ row: ClaimRow) -> String? {
        guard let id = row.text(.claimID) else { return nil }
        if !Self.isSafeID(id) {
            report(row.line, .claimID, "'\(id)' may only use letters, digits, '-', '_' and '.' (it names files in the Outbox), up to 64 characters")
        } else if deferredIDs != nil {
            deferredIDs!.append((id, row.line, diagnostics.count))
        } else if let first = seenIDs[id] {
            diagnostics.append(Self.usedAgain(id, line: row.line, first: first, file: file))
        } else {
            seenIDs[id] = row.line
        }
        return id
    }

    /// The claim's dates, each read and checked against the day the claim was submitted.
    private mutating func checkedDates(
        _ row: ClaimRow
    ) -> (submitted: CalendarDate?, due: CalendarDate?, approved: CalendarDate?, evidence: CalendarDate?, invoice: CalendarDate?) {
        let line = row.line
        let submitted = date(row.text(.submittedOn), .submittedOn, line: line)
        let due = date(row.text(.dueOn), .dueOn, line: line)
        if let submitted, let due, due < submitted {
            report(line, .dueOn, "\(due.formatted) is before the claim was submitted (\(submitted.formatted))")
        }
        let approved = date(row.text(.approvedOn), .approvedOn, line: line)
        if let submitted, let approved, approved < submitted {
            report(line, .approvedOn, "\(approved.formatted) is before the claim was submitted (\(submitted.formatted))")
        }
        return (
            submitted, due, approved, date(row.text(.evidenceSubmittedOn), .evidenceSubmittedOn, line: line),
            date(row.text(.invoiceDate), .invoiceDate, line: line)
        )
    }

    /// The paymaster named (a former CCG read as the ICB, said once), and a check that the
    /// profile can reach whoever pays the claim.
    private mutating func checkedPaymaster(_ row: ClaimRow, category: Category?) -> PaymasterRole? {
        let line = row.line
        var paymaster: PaymasterRole? = nil
        if let value = row.text(.paymaster) {
            paymaster = PaymasterRole(parsing: value)
            if paymaster == nil { report(line, .paymaster, "'\(value)' is not a paymaster; use icb, local-authority or nhs-england") }
            if paymaster != nil, value.trimmingSpaces().lowercased() == PaymasterRole.formerCCG, !ccgNoted {
                ccgNoted = true
                notes.append(
                    Diagnostic(
                        file: file,
                        line: line,
                        field: ClaimColumn.paymaster.rawValue,
                        message: "'ccg' is read as icb: CCGs were abolished on 1 July 2022 and ICBs took over their work (this and any later rows)"
                    )
                )
            }
        }
        if let profile, let role = paymaster ?? category?.defaultPaymaster, profile.paymasters[role] == nil {
            let who = paymaster == nil ? "\(category!.rawValue) claims are paid by \(role.rawValue)" : "this claim is paid by \(role.rawValue)"
            report(line, .paymaster, "\(who), but the practice profile has no contact for it (add paymasters.\(role.rawValue) to paychase.yaml)")
        }
        return paymaster
    }

    /// The agreement the claim is paid under: the one its `contract` column names, else the one
    /// its category points to. A name the profile does not have is refused; a claim no contract
    /// fits is said (it keeps its category's route), so `check` lists what it could not place.
    private mutating func placed(_ row: ClaimRow, category: Category) -> Contract? {
        guard let profile else { return nil }
        if let id = row.text(.contract) {
            guard let contract = profile.contract(id: id) else {
                let known = profile.contracts.map(\.id).joined(separator: ", ")
                report(row.line, .contract, "'\(id)' is not a contract in the practice profile (contracts: \(known))")
                return nil
            }
            return contract
        }
        if let contract = profile.defaultContract(for: category) { return contract }
        let kinds = category.defaultContractKinds.map(\.rawValue).sorted().joined(separator: " or ")
        let fitting = profile.contracts.filter { category.defaultContractKinds.contains($0.kind) }.map(\.id)
        let why =
            fitting.isEmpty
            ? "the profile has no \(kinds) contract for \(category.rawValue) claims; list its agreement under paychase.yaml's contracts:"
            : "\(fitting.count) contracts fit (\(fitting.joined(separator: ", "))) and the claim does not say which; name one in a contract column"
        notes.append(
            Diagnostic(file: file, line: row.line, field: ClaimColumn.contract.rawValue, message: "not placed under a contract: \(why)")
        )
        return nil
    }

    private mutating func money(_ value: String?, _ column: ClaimColumn, line: Int) -> Money? {
        guard let value else { return nil }
        do { return try Money(parsing: value) } catch { report(line, column, error.description) }
        return nil
    }

    private mutating func date(_ value: String?, _ column: ClaimColumn, line: Int) -> CalendarDate? {
        guard let value else { return nil }
        do { return try CalendarDate(parsing: value) } catch { report(line, column, error.description) }
        return nil
    }

    static func isSafeID(_ id: String) -> Bool {
        // Byte by byte: only ASCII is allowed, so bytes and characters are the same.
        id.utf8.count <= 64 && id.utf8.first != UInt8(ascii: ".")
            && id.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    true
                default: false
                }
            }
    }
}
