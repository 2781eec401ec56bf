import Foundation
import Logging
import PayChaseConcurrency
import PayChaseDocuments
import PayChaseDomain
import PayChaseInput

/// `paychase check`: the profile, the claims and the templates, validated together.
public struct CheckJob: Sendable {
    public var workspace: Workspace
    public var asOf: CalendarDate
    /// Render every template for every claim, as `check` once did: the slow way, kept as the
    /// tests' measure of the shapes' way.
    public var renderEveryClaim = false

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

    /// Every template checked for every claim without rendering every claim: a claim's data
    /// for each recipient is reduced to its shape (`TemplateShape`: which names are there, which
    /// sections render, whether a text could break a header), and one claim of each shape is
    /// rendered in a dry run; its problems are every claim's of that shape. Claims that fail the
    /// same way are grouped; settings the profile lacks are warnings naming the documents they block.
    private func renderProblems(
        library: TemplateLibrary,
        profile: PracticeProfile,
        claims: [Claim],
        history: [String: [Attempt]],
        rates: BankRateTable?
    ) -> (problems: [Problem], blocked: [MissingSetting]) {
        let templates = library.names.map { library[$0]! }
        let asOf = asOf
        let shared = DocumentContext.sharedValues(profile, today: asOf)
        @Sendable func context(_ claim: Claim) -> DocumentContext {
            var context = DocumentContext(claim: claim, profile: profile, attempts: history[claim.id] ?? [], today: asOf, rates: rates)
            context.shared = shared
            return context
        }
        let chunks = stride(from: 0, to: claims.count, by: Self.chunk).map { $0..<min($0 + Self.chunk, claims.count) }
        let constant = shared.shapeSum
        let shaped =
            renderEveryClaim
            ? chunks.map { range in Self.everyClaim(range, templates: templates) }
            : ParallelMap.map(chunks) { range in Self.shapes(of: claims[range], templates: templates, constant: constant, context: context) }
        // One group per template and shape (or per problem found without rendering), in the
        // order first met, each with its claims in file order.
        var groups: [GroupKey: Int] = [:]
        var members: [[Int]] = []
        var keys: [GroupKey] = []
        var global: [TemplateShape: Int] = [:]
        for (chunk, found) in zip(chunks, shaped) {
            let ids = found.shapes.map { shape in
                if let id = global[shape] { return id }
                global[shape] = global.count
                return global.count - 1
            }
            for (offset, perTemplate) in found.keys.enumerated() {
                for (template, local) in perTemplate.enumerated() {
                    guard let local else { continue }
                    let key: GroupKey =
                        switch local {
                        case .shape(let base, let recipient): .shape(template, ids[base], ids[recipient])
                        case .problem(let text): .problem(template, text)
                        }
                    if let group = groups[key] {
                        members[group].append(chunk.lowerBound + offset)
                    } else {
                        groups[key] = members.count
                        members.append([chunk.lowerBound + offset])
                        keys.append(key)
                    }
                }
            }
        }
        let renderer = DocumentRenderer()
        var order: [String] = []
        var claimsByProblem: [String: [Int]] = [:]
        var blocked: [MissingSetting] = []
        // Template by template, as a full dry run would meet them.
        let byTemplate = keys.indices.sorted { (keys[$0].template, members[$0][0]) < (keys[$1].template, members[$1][0]) }
        for group in byTemplate {
            let first = claims[members[group][0]]
            guard let error = renderer.problems(templates[keys[group].template], context: context(first)) else { continue }
            for setting in error.missingSettings where !blocked.contains(setting) { blocked.append(setting) }
            for problem in error.problems.map(\.description) {
                if claimsByProblem[problem] == nil { order.append(problem) }
                claimsByProblem[problem, default: []] += members[group]
            }
        }
        let problems = order.map { problem in
            let found = claimsByProblem[problem]!.sorted()
            let ids = found.map { claims[$0].id }
            let text = "\(problem) (claim\(ids.count == 1 ? "" : "s") \(ClaimList.summary(ids)))"
            // One claim alone: its line of the claims file, to go straight to it.
            guard found.count == 1 else { return Problem(text) }
            return Problem(file: workspace.claimsPath, line: claims[found[0]].line, claimID: ids[0], text)
        }
        return (problems, blocked)
    }

    /// Each claim a group of its own for every template: every claim rendered.
    static func everyClaim(_ range: Range<Int>, templates: [DocumentTemplate]) -> (shapes: [TemplateShape], keys: [[LocalKey?]]) {
        (range.map { TemplateShape(low: UInt64($0), high: 0) }, (0..<range.count).map { offset in templates.map { _ in .shape(offset, offset) } })
    }

    /// Claims shaped on all cores, this many at a time.
    static let chunk = 1024

    /// Which group a claim falls in for one template.
    enum LocalKey: Sendable {
        /// The shape of its data and of its recipient's, by their places in the chunk's list of shapes.
        case shape(Int, Int)
        /// A problem found before any data is made (the interest the Bank Rate table cannot give).
        case problem(String)
    }

    enum GroupKey: Hashable {
        case shape(Int, Int, Int)
        case problem(Int, String)

        var template: Int {
            switch self {
            case .shape(let template, _, _), .problem(let template, _): template
            }
        }
    }

    /// Per claim and template, its group (nil: the template is not for the claim), with the
    /// chunk's distinct shapes. A claim's data is made once, whoever the document is to: what
    /// depends on the recipient is shaped apart (`DocumentContext.recipientNames`).
    static func shapes(
        of claims: ArraySlice<Claim>,
        templates: [DocumentTemplate],
        constant: TemplateShape,
        context: (Claim) -> DocumentContext
    ) -> (shapes: [TemplateShape], keys: [[LocalKey?]]) {
        // The profile's part of every claim's data is shaped once (`constant`), the rest per claim.
        let skipped = DocumentContext.recipientNames.union(DocumentContext.ProfileValues.names)
        var shapes: [TemplateShape] = []
        var index: [TemplateShape: Int] = [:]
        func intern(_ shape: TemplateShape) -> Int {
            if let id = index[shape] { return id }
            shapes.append(shape)
            index[shape] = shapes.count - 1
            return shapes.count - 1
        }
        var recipients: [Contact: Int] = [:]
        // Looked for once per template, not per claim: it searches the template's text.
        let usesInterest = templates.map(\.usesInterest)
        var keys: [[LocalKey?]] = []
        keys.reserveCapacity(claims.count)
        for claim in claims {
            let context = context(claim)
            var base: Int?
            var interest: String??
            keys.append(
                templates.indices.map { number -> LocalKey? in
                    guard templates[number].applies(to: claim, practice: context.profile.practice) else { return nil }
                    let recipientKind = templates[number].recipient
                    if usesInterest[number] {
                        if interest == nil { interest = .some(context.interestProblem) }
                        if let problem = interest! { return .problem(problem) }
                    }
                    // No recipient: the problem names the setting the claim's recipient needs.
                    guard let contact = context.contact(for: recipientKind) else {
                        return .problem("no \(DocumentContext.setting(for: recipientKind, claim: claim))")
                    }
                    if base == nil {
                        var sum = context.value(for: nil).fieldSum(excluding: skipped)
                        sum.add(constant)
                        base = intern(.group(sum))
                    }
                    let recipient =
                        recipients[contact]
                        ?? {
                            let id = intern(DocumentContext.recipientShape(contact))
                            recipients[contact] = id
                            return id
                        }()
                    return .shape(base!, recipient)
                }
            )
        }
        return (shapes, keys)
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
