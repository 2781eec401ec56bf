import Foundation
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

    /// What a clean check found, and what the practice should know without it failing.
    public struct Result: Sendable {
        public var claims: Int
        public var outstanding: Money
        /// Claims overdue as of `asOf`.
        public var overdue: Int
        public var asOf: CalendarDate
        public var templates: Int
        /// Old settings read as new ones (a `ccg` paymaster), said once each, with the file,
        /// line and key concerned.
        public var notes: [Problem] = []
        /// Documents a missing profile setting blocks, naming the setting to add.
        public var warnings: [MissingSetting] = []
    }

    /// A mailbox that signs in with OAuth 2.0 but has not been connected: said, not failed.
    static func mailboxNotes(_ settings: PracticeSettings, configPath: String) -> [Problem] {
        guard let oauth = settings.oauth, settings.smtp?.usesOAuth == true || settings.imap?.usesOAuth == true,
            !FileManager.default.fileExists(atPath: oauth.tokenFile)
        else { return [] }
        var problem = Problem(
            file: configPath,
            field: "oauth",
            "the mailbox is not connected yet: nobody has signed in to it with OAuth 2.0, so nothing can be sent or read until someone does."
        )
        problem.reason = .mailboxSignInNeeded
        return [problem]
    }

    /// The result, or every problem found: a configuration error when the profile is wrong,
    /// otherwise invalid data.
    public func run(logger: Logger) throws(PayChaseError) -> Result {
        var profileProblems: [Problem] = []
        var dataProblems: [Problem] = []
        var notes: [Problem] = []
        var profile: PracticeProfile?
        var autoSend: [String] = []
        do {
            let settings = try workspace.loadSettings()
            profile = settings.profile
            autoSend = settings.autoSend
            notes += settings.notes.map(Problem.init)
            notes += Self.mailboxNotes(settings, configPath: workspace.configPath)
        } catch {
            profileProblems = error.problems
        }
        var claims: [Claim] = []
        do {
            let read = try ClaimsLoader(profile: profile).read(path: workspace.claimsPath)
            claims = read.claims
            notes += read.notes.map(Problem.init)
        } catch {
            dataProblems += Workspace.failure(error).problems
        }
        logger.debug("read claims", metadata: ["file": "\(workspace.claimsPath)", "claims": "\(claims.count)"])
        var rates: BankRateTable?
        do { rates = try workspace.loadBankRates() } catch { dataProblems += error.problems }

        let library = workspace.loadTemplates()
        dataProblems += library.problems.map(Problem.init)
        for name in autoSend where library[name] == nil {
            profileProblems.append(
                Problem(
                    file: workspace.configPath,
                    field: "auto_send",
                    "there is no template called '\(name)'; the templates are \(library.names.joined(separator: ", "))"
                )
            )
        }
        for name in library.names {
            dataProblems += library[name]!.check(against: DocumentSchema.value).map(Problem.init)
        }
        var history: [String: [Attempt]] = [:]
        do {
            let record = try workspace.readRecordView()
            history = record.attempts
            claims = record.counting(claims)
        } catch {
            dataProblems += error.problems
        }
        var warnings: [MissingSetting] = []
        if let profile, dataProblems.isEmpty {
            let found = renderProblems(library: library, profile: profile, claims: claims, history: history, rates: rates)
            dataProblems += found.problems
            warnings = found.blocked
        }
        if !profileProblems.isEmpty { throw PayChaseError(.configuration, profileProblems + dataProblems) }
        if !dataProblems.isEmpty { throw PayChaseError(.invalidData, dataProblems) }
        return Result(
            claims: claims.count,
            outstanding: claims.reduce(Money.zero) { $0 + $1.outstanding },
            overdue: claims.filter { $0.isOverdue(asOf: asOf) }.count,
            asOf: asOf,
            templates: library.names.count,
            notes: notes,
            warnings: warnings
        )
    }

    /// Renders every template for every claim in a dry run, grouping claims that fail the same
    /// way. Settings the profile lacks are warnings naming the documents they block.
    private func renderProblems(
        library: TemplateLibrary,
        profile: PracticeProfile,
        claims: [Claim],
        history: [String: [Attempt]],
        rates: BankRateTable?
    ) -> (problems: [Problem], blocked: [MissingSetting]) {
        let renderer = DocumentRenderer()
        var order: [String] = []
        var claimsByProblem: [String: [String]] = [:]
        var blocked: [MissingSetting] = []
        for name in library.names {
            let template = library[name]!
            for claim in claims {
                let context = DocumentContext(claim: claim, profile: profile, attempts: history[claim.id] ?? [], today: asOf, rates: rates)
                guard let error = renderer.problems(template, context: context) else { continue }
                for setting in error.missingSettings where !blocked.contains(setting) {
                    blocked.append(setting)
                }
                for problem in error.problems.map(\.description) {
                    if claimsByProblem[problem] == nil { order.append(problem) }
                    claimsByProblem[problem, default: []].append(claim.id)
                }
            }
        }
        let problems = order.map { problem in
            let ids = claimsByProblem[problem]!
            return Problem("\(problem) (claim\(ids.count == 1 ? "" : "s") \(ClaimList.summary(ids)))")
        }
        return (problems, blocked)
    }
}

extension Problem {
    /// A template that cannot be read or uses a variable that does not exist.
    init(_ error: TemplateError) {
        self.init(file: error.file, line: error.line, error.message)
    }
}

/// Claim ids in a message: the first three, then how many more.
enum ClaimList {
    static func summary(_ ids: [String]) -> String {
        ids.prefix(3).joined(separator: ", ") + (ids.count > 3 ? " and \(ids.count - 3) more" : "")
    }
}
