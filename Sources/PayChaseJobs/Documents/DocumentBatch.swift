import Logging
import PayChaseConcurrency
import PayChaseDocuments
import PayChaseDomain
import PayChaseMail
import PayChaseOutbox
import PayChasePrint

/// Renders one template for each chosen claim, the way `draft`, `send` and `print` all need:
/// claims the template is not for are skipped (or refused when named), and a claim that cannot
/// be filled in is reported with nothing made for it.
struct DocumentBatch {
    var workspace: Workspace
    var template: String
    var selection: ClaimSelection
    var asOf: CalendarDate
    var profile: PracticeProfile
    /// What the record shows, per claim (read once by the job's Outbox session).
    var record: RecordView
    /// A serious step out of the ladder's turn: nil, not asked about (send, print, the web
    /// service); false, refused naming what is missing; true, drafted with a note (`--force`).
    var outOfTurn: Bool? = nil

    /// Claims rendered and made ready in parallel, this many at a time, then kept in order while
    /// the next part is rendered.
    static let chunk = 256

    /// For every claim that renders, runs `make` (on all cores: pure work such as composing the
    /// email or laying out the letter), then `keep` in claim order (writing files), on this
    /// thread while the next part's `make` runs on the others. What `make` throws is reported
    /// against its claim; what `keep` throws stops the run. `beforeRendering` hears which claims
    /// the template is for, and its name, before anything is rendered.
    func run<Made: Sendable>(
        beforeRendering: ([Claim], String) throws(PayChaseError) -> Void = { _, _ in },
        make: @escaping @Sendable (Claim, RenderedDocument, DocumentTemplate, PracticeProfile) throws -> Made,
        keep: (Claim, Made) throws -> Void
    ) throws(PayChaseError) -> DraftResult {
        let profile = profile
        let history = record.attempts
        let feedback = record.feedback
        let claims = record.counting(try workspace.loadClaims(profile: profile))
        let template = try TemplateChoice.load(template, from: workspace)
        let chosen = try choose(from: claims)
        let rates = workspace.bankRates()
        var report = DraftResult()

        var eligible: [Claim] = []
        for claim in chosen {
            if case .overdue = selection, let pause = feedback[claim.id]?.paused, pause.holds(on: asOf) {
                report.notes.append(.paused(claimID: claim.id, pause: pause.description))
                continue
            }
            guard template.applies(to: claim, practice: profile.practice) else {
                let note = DraftNote.skipped(claimID: claim.id, template: template.name, onlyFor: template.appliesToDescription)
                if case .ids = selection { report.problems.append(Problem(claimID: claim.id, note.description)) } else { report.notes.append(note) }
                continue
            }
            if let force = outOfTurn {
                let missing = EscalationLadder().missingSteps(
                    before: template.name,
                    for: claim,
                    attempts: history[claim.id] ?? [],
                    feedback: feedback[claim.id] ?? ClaimFeedback()
                )
                if !missing.isEmpty {
                    guard force else {
                        report.problems.append(
                            Problem(
                                claimID: claim.id,
                                "\(claim.id): \(template.name) is a serious step and the record shows no \(missing.joined(separator: ", ")) before it; draft those first (paychase draft next), or give --force to draft it anyway"
                            )
                        )
                        continue
                    }
                    report.notes.append(.forced(claimID: claim.id, template: template.name, missing: missing))
                }
            }
            eligible.append(claim)
        }
        try beforeRendering(eligible, template.name)
        let asOf = asOf
        let claimsPath = workspace.claimsPath
        // What every claim's document says of the practice, its paymasters and agreements, made once.
        let shared = DocumentContext.sharedValues(profile, today: asOf)
        var warnings: [String: [String]] = [:]
        let render: @Sendable ([Claim]) -> [Result<(Made, String?), BatchFailure>] = { part in
            ParallelMap.map(part) { claim in
                var context = DocumentContext(
                    claim: claim,
                    profile: profile,
                    attempts: history[claim.id] ?? [],
                    feedback: feedback[claim.id] ?? .init(),
                    today: asOf,
                    rates: rates
                )
                context.shared = shared
                return Self.make(claim, template: template, context: context, claimsPath: claimsPath, make: make)
            }
        }
        let parts = stride(from: 0, to: eligible.count, by: Self.chunk).map { Array(eligible[$0..<min($0 + Self.chunk, eligible.count)]) }
        func keepAll(_ part: [Claim], _ made: [Result<(Made, String?), BatchFailure>]) throws(PayChaseError) {
            for (claim, result) in zip(part, made) {
                switch result {
                case .success(let (value, warning)):
                    if let warning { warnings[warning, default: []].append(claim.id) }
                    do { try keep(claim, value) } catch let error as PayChaseError { throw error } catch {
                        throw PayChaseError(.temporaryFailure, "\(error)")
                    }
                case .failure(.claim(let problem)):
                    report.problems.append(problem)
                case .failure(.run(let error)):
                    throw error
                }
            }
        }
        var made = parts.first.map(render) ?? []
        for (index, part) in parts.enumerated() {
            guard index + 1 < parts.count else {
                try keepAll(part, made)
                break
            }
            // The next part is rendered on the other threads while this one's files are written.
            let next = parts[index + 1]
            let current = made
            let following: @Sendable () throws(PayChaseError) -> sending [Result<(Made, String?), BatchFailure>] = { render(next) }
            let keeping = { () throws(PayChaseError) in try keepAll(part, current) }
            made = try ParallelMap.both(following, keeping).0
        }
        report.warnings = warnings.sorted { $0.value.first! < $1.value.first! }.map { warning, ids in
            DraftWarning(template: template.name, claimIDs: ids, text: warning)
        }
        return report
    }

    /// Renders one claim's document and makes what the job needs of it, sorting what goes wrong
    /// into the claim's own problem or one that ends the run.
    private static func make<Made>(
        _ claim: Claim,
        template: DocumentTemplate,
        context: DocumentContext,
        claimsPath: String,
        make: (Claim, RenderedDocument, DocumentTemplate, PracticeProfile) throws -> Made
    ) -> Result<(Made, String?), BatchFailure> {
        do {
            let document = try DocumentRenderer().render(template, context: context)
            return .success((try make(claim, document, template, context.profile), document.warning))
        } catch let error as RenderError where !error.missingSettings.isEmpty && error.problems.isEmpty {
            return .failure(.run(PayChaseError(.configuration, error.missingSettings.map(\.description))))
        } catch let error as RenderError {
            return .failure(.claim(Problem(claimID: claim.id, error.description)))
        } catch let error as LetterError {
            return .failure(.claim(Problem(claimID: claim.id, "claim \(claim.id): \(template.name): the letter could not be laid out: \(error)")))
        } catch let error as MailError {
            return .failure(.claim(Problem(file: claimsPath, line: claim.line, claimID: claim.id, "claim \(claim.id): \(template.name): \(error)")))
        } catch let error as EvidenceAttachments.Refusal {
            return .failure(.claim(Problem(file: claimsPath, line: claim.line, claimID: claim.id, error.description)))
        } catch let error as PayChaseError {
            return .failure(.run(error))
        } catch {
            return .failure(.run(PayChaseError(.temporaryFailure, "\(error)")))
        }
    }

    /// Why a claim produced nothing: its own problem, or one that ends the run.
    enum BatchFailure: Error {
        case claim(Problem)
        case run(PayChaseError)
    }

    private func choose(from claims: [Claim]) throws(PayChaseError) -> [Claim] {
        switch selection {
        case .overdue:
            return claims.filter { $0.isOverdue(asOf: asOf) }
        case .ids(let ids):
            let byID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
            let missing = ids.filter { byID[$0] == nil }
            guard missing.isEmpty else {
                throw PayChaseError(.usage, missing.map { "claim '\($0)' is not in \(workspace.claimsPath)" })
            }
            var seen = Set<String>()
            return ids.filter { seen.insert($0).inserted }.map { byID[$0]! }
        }
    }
}
