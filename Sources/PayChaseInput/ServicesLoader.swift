import PayChaseDomain

/// Reads `services.csv`: per service, its category, the staff hours a year it takes by role
/// and its direct costs; every problem at once as `services.csv:LINE: column: message`.
public struct ServicesLoader: Sendable {
    public init() {}

    public func load(path: String) throws(InputError) -> [ServiceWorkload] {
        try parse(try TextFile.read(path, kind: .data), file: path)
    }

    public func parse(_ text: String, file: String) throws(InputError) -> [ServiceWorkload] {
        var checker = ServiceRowChecker(file: file)
        let rows = CSVTableReader<ServiceColumn>(file: file).rows(in: text, reporting: &checker)
        let services = rows.compactMap { checker.workload(from: $0) }
        if rows.isEmpty && checker.diagnostics.isEmpty { checker.report(nil, nil, "no services after the header (line 1)") }
        guard checker.diagnostics.isEmpty else {
            let ordered = checker.diagnostics.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            throw InputError(kind: .data, diagnostics: ordered.map(\.element))
        }
        return services
    }
}

/// Turns rows of `services.csv` into workloads, collecting every problem.
struct ServiceRowChecker: CSVProblemReporter {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private var seen: [String: Int] = [:]

    init(file: String) { self.file = file }

    mutating func report(_ line: Int?, _ column: ServiceColumn?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, field: column?.rawValue, message: message))
    }

    mutating func workload(from row: CSVRow<ServiceColumn>) -> ServiceWorkload? {
        let before = diagnostics.count
        let line = row.line
        for column in ServiceColumn.required where row.text(column) == nil { report(line, column, "is required but empty") }
        if let service = row.text(.service) {
            if let first = seen[ServiceWorkload.key(service)] {
                report(line, .service, "'\(service)' is listed again (first on line \(first)); give each service one row")
            } else {
                seen[ServiceWorkload.key(service)] = line
            }
        }
        let category = row.text(.category).flatMap { value -> Category? in
            guard let category = Category(parsing: value) else {
                report(line, .category, "'\(value)' is not a category; use QOF, DES, LES or PH")
                return nil
            }
            return category
        }
        var hours: [StaffRole: Hours] = [:]
        for (column, role) in ServiceColumn.hours {
            do { hours[role] = try Hours(parsing: row.fields[column] ?? "") } catch { report(line, column, error.description) }
        }
        var direct = Money.zero
        if let text = row.text(.directCosts) {
            do { direct = try Money(parsing: text) } catch { report(line, .directCosts, error.description) }
        }
        let schedule = schedule(from: row)
        guard diagnostics.count == before, let service = row.text(.service), let category else { return nil }
        return ServiceWorkload(service: service, category: category, hours: hours, directCosts: direct, schedule: schedule, line: line)
    }

    /// The row's claim schedule: `frequency` and `claim_by` together, the rest optional.
    mutating func schedule(from row: CSVRow<ServiceColumn>) -> ClaimSchedule? {
        let line = row.line
        let scheduled: [ServiceColumn] = [.frequency, .claimBy, .evidenceBy, .claimTo, .since, .periodIncome]
        guard scheduled.contains(where: { row.text($0) != nil }) else { return nil }
        let frequency = row.text(.frequency).flatMap { text -> ClaimFrequency? in
            guard let frequency = ClaimFrequency(parsing: text) else {
                report(line, .frequency, "'\(text)' is not a frequency; use monthly, quarterly, yearly or per item")
                return nil
            }
            return frequency
        }
        if row.text(.frequency) == nil {
            report(line, .frequency, "is empty; say how often the service is claimed (monthly, quarterly, yearly or per item)")
        }
        func rule(_ column: ServiceColumn) -> DeadlineRule? {
            guard let text = row.text(column) else { return nil }
            guard let rule = DeadlineRule(parsing: text) else {
                report(line, column, "'\(text)' is not a deadline; write \(DeadlineRule.forms)")
                return nil
            }
            return rule
        }
        let claimBy = rule(.claimBy)
        if row.text(.claimBy) == nil { report(line, .claimBy, "is empty; say by when each period's claim is due, such as \(DeadlineRule.forms)") }
        let evidenceBy = rule(.evidenceBy)
        var since: CalendarDate?
        if let text = row.text(.since) {
            if let period = ClaimPeriod(parsing: text) {
                since = period.start
            } else {
                do { since = try CalendarDate(parsing: text) } catch {
                    report(line, .since, "\(error.description); or name a period such as Q1 2026/27")
                }
            }
        }
        var income: Money?
        if let text = row.text(.periodIncome) {
            do { income = try Money(parsing: text) } catch { report(line, .periodIncome, error.description) }
        }
        guard let frequency, let claimBy else { return nil }
        return ClaimSchedule(
            frequency: frequency,
            claimBy: claimBy,
            evidenceBy: evidenceBy,
            claimTo: row.text(.claimTo),
            since: since,
            periodIncome: income
        )
    }
}
