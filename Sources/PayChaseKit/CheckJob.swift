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

    /// Every problem found, or a one-line summary when there are none.
    public func run(logger: Logger) throws(PayChaseError) -> String {
        var profileProblems: [String] = []
        var dataProblems: [String] = []
        var profile: PracticeProfile?
        do { profile = try workspace.loadProfile() } catch { profileProblems = error.lines }
        var claims: [Claim] = []
        do { claims = try workspace.loadClaims(profile: profile) } catch { dataProblems += error.lines }
        logger.debug("read claims", metadata: ["file": "\(workspace.claimsPath)", "claims": "\(claims.count)"])

        let library = workspace.loadTemplates()
        dataProblems += library.problems.map(\.description)
        for name in library.names {
            dataProblems += library[name]!.check(against: DocumentSchema.value).map(\.description)
        }
        if let profile, dataProblems.isEmpty {
            dataProblems += renderProblems(library: library, profile: profile, claims: claims)
        }
        if !profileProblems.isEmpty { throw PayChaseError(.configuration, profileProblems + dataProblems) }
        if !dataProblems.isEmpty { throw PayChaseError(.dataError, dataProblems) }

        let outstanding = claims.reduce(Money.zero) { $0 + $1.outstanding }
        let overdue = claims.filter { $0.isOverdue(asOf: asOf) }.count
        return "OK: \(claims.count) claim\(claims.count == 1 ? "" : "s"), \(outstanding.formatted) outstanding, "
            + "\(overdue) overdue as of \(asOf.formatted); \(library.names.count) templates"
    }

    /// Renders every template for every claim in a dry run, grouping claims that fail the same way.
    private func renderProblems(library: TemplateLibrary, profile: PracticeProfile, claims: [Claim]) -> [String] {
        let renderer = DocumentRenderer()
        let history = workspace.attempts()
        var order: [TemplateError] = []
        var claimsByProblem: [TemplateError: [String]] = [:]
        for name in library.names {
            let template = library[name]!
            for claim in claims {
                let context = DocumentContext(claim: claim, profile: profile, attempts: history[claim.id] ?? [], today: asOf)
                for problem in renderer.problems(template, context: context) {
                    if claimsByProblem[problem] == nil { order.append(problem) }
                    claimsByProblem[problem, default: []].append(claim.id)
                }
            }
        }
        return order.map { problem in
            let ids = claimsByProblem[problem]!
            let shown = ids.prefix(3).joined(separator: ", ")
            let more = ids.count > 3 ? " and \(ids.count - 3) more" : ""
            return "\(problem) (claim\(ids.count == 1 ? "" : "s") \(shown)\(more))"
        }
    }
}
