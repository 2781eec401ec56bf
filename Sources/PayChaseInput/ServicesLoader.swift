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
        guard diagnostics.count == before, let service = row.text(.service), let category else { return nil }
        return ServiceWorkload(service: service, category: category, hours: hours, directCosts: direct, line: line)
    }
}
