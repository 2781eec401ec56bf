import Logging
import PayChaseDocuments
import PayChaseDomain
import PayChaseInput

/// `paychase check`: the profile, the claims and the templates, validated together.
public struct CheckJob: Sendable {
    public var workspace: Workspace
    public var asOf: CalendarDate

    public init(workspace: Workspace, asOf: CalendarDate) {
        self.workspace = workspace
        self.asOf = asOf
    }

    /// What a clean check found: a summary, and what the practice should know without it failing.
    public struct Report: Sendable {
        public var summary: String
        /// Old settings read as new ones (a `ccg` paymaster), said once each.
        public var notes: [String] = []
        /// Documents a missing profile setting blocks, naming the setting to add.
        public var warnings: [String] = []
    }

    /// Every problem found, or the summary with its notes and warnings when there are none.
    public func run(logger: Logger) throws(PayChaseError) -> Report {
        var profileProblems: [String] = []
        var dataProblems: [String] = []
        var notes: [String] = []
        var profile: PracticeProfile?
        do { profile = try workspace.loadProfile() } catch { profileProblems = error.lines }
        notes += profile?.notes ?? []
        var claims: [Claim] = []
        do {
            let read = try ClaimsLoader(profile: profile).read(path: workspace.claimsPath)
            claims = read.claims
            notes += read.notes.map(\.description)
        } catch {
            dataProblems += Workspace.failure(error).lines
        }
        logger.debug("read claims", metadata: ["file": "\(workspace.claimsPath)", "claims": "\(claims.count)"])
        var rates: BankRateTable?
        do { rates = try workspace.loadBankRates() } catch { dataProblems += error.lines }

        let library = workspace.loadTemplates()
        dataProblems += library.problems.map(\.description)
        for name in library.names {
            dataProblems += library[name]!.check(against: DocumentSchema.value).map(\.description)
        }
        var warnings: [String] = []
        if let profile, dataProblems.isEmpty {
            let found = renderProblems(library: library, profile: profile, claims: claims, rates: rates)
            dataProblems += found.problems
            warnings = found.blocked
        }
        if !profileProblems.isEmpty { throw PayChaseError(.configuration, profileProblems + dataProblems) }
        if !dataProblems.isEmpty { throw PayChaseError(.dataError, dataProblems) }

        let outstanding = claims.reduce(Money.zero) { $0 + $1.outstanding }
        let overdue = claims.filter { $0.isOverdue(asOf: asOf) }.count
        let summary = "OK: \(claims.count) claim\(claims.count == 1 ? "" : "s"), \(outstanding.formatted) outstanding, "
            + "\(overdue) overdue as of \(asOf.formatted); \(library.names.count) templates"
        return Report(summary: summary, notes: notes, warnings: warnings)
    }

    /// Renders every template for every claim in a dry run, grouping claims that fail the same
    /// way. Settings the profile lacks are warnings naming the documents they block.
    private func renderProblems(
        library: TemplateLibrary, profile: PracticeProfile, claims: [Claim], rates: BankRateTable?
    ) -> (problems: [String], blocked: [String]) {
        let renderer = DocumentRenderer()
        let history = workspace.attempts()
        var order: [String] = []
        var claimsByProblem: [String: [String]] = [:]
        var blocked: [String] = []
        for name in library.names {
            let template = library[name]!
            for claim in claims {
                let context = DocumentContext(claim: claim, profile: profile, attempts: history[claim.id] ?? [], today: asOf, rates: rates)
                guard let error = renderer.problems(template, context: context) else { continue }
                for setting in error.missingSettings where !blocked.contains(setting.description) {
                    blocked.append(setting.description)
                }
                for problem in error.problems.map(\.description) {
                    if claimsByProblem[problem] == nil { order.append(problem) }
                    claimsByProblem[problem, default: []].append(claim.id)
                }
            }
        }
        let problems = order.map { problem in
            let ids = claimsByProblem[problem]!
            let shown = ids.prefix(3).joined(separator: ", ")
            let more = ids.count > 3 ? " and \(ids.count - 3) more" : ""
            return "\(problem) (claim\(ids.count == 1 ? "" : "s") \(shown)\(more))"
        }
        return (problems, blocked)
    }
}
