import Logging
import PayChaseDocuments
import PayChaseDomain
import PayChaseLetters
import PayChaseMail

/// Renders one template for each chosen claim, the way `draft`, `send` and `print` all need:
/// claims the template is not for are skipped (or refused when named), and a claim that cannot
/// be filled in is reported with nothing made for it.
struct DocumentBatch {
    var workspace: Workspace
    var template: String
    var selection: ClaimSelection
    var asOf: CalendarDate

    /// Calls `each` for every claim that renders; what it throws is reported against that claim.
    func run(
        _ each: (Claim, RenderedDocument, DocumentTemplate, PracticeProfile) throws -> Void
    ) throws(PayChaseError) -> (report: DraftJob.Report, profile: PracticeProfile) {
        let profile = try workspace.loadProfile()
        let claims = try workspace.loadClaims(profile: profile)
        let template = try TemplateChoice.load(template, from: workspace)
        let chosen = try choose(from: claims)
        let history = workspace.attempts()
        let renderer = DocumentRenderer()
        var report = DraftJob.Report(warning: template.warning)

        for claim in chosen {
            guard template.applies(to: claim.paymaster) else {
                let who = template.appliesTo!.map(\.rawValue).joined(separator: ", ")
                let note = "\(claim.id): skipped, \(template.name) is for claims paid by \(who) and this one is paid by \(claim.paymaster.rawValue)"
                if case .ids = selection { report.problems.append(note) } else { report.notes.append(note) }
                continue
            }
            let context = DocumentContext(claim: claim, profile: profile, attempts: history[claim.id] ?? [], today: asOf)
            do {
                try each(claim, try renderer.render(template, context: context), template, profile)
            } catch let error as RenderError {
                report.problems.append(error.description)
            } catch let error as LetterError {
                report.problems.append("claim \(claim.id): \(template.name): the letter could not be laid out: \(error)")
            } catch let error as MailError {
                report.problems.append("\(workspace.claimsPath):\(claim.line): claim \(claim.id): \(template.name): \(error)")
            } catch let error as PayChaseError {
                throw error
            } catch {
                throw PayChaseError(.temporaryFailure, "\(error)")
            }
        }
        return (report, profile)
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
