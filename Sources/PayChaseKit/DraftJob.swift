import Foundation
import Logging
import PayChaseDocuments
import PayChaseDomain
import PayChaseMail

/// Which claims a command works on.
public enum ClaimSelection: Sendable, Hashable {
    case ids([String])
    /// Every claim with money outstanding past its due date.
    case overdue
}

/// `paychase draft`: renders a template for each chosen claim into `Outbox/drafts/`.
public struct DraftJob: Sendable {
    public var workspace: Workspace
    public var template: String
    public var selection: ClaimSelection
    public var asOf: CalendarDate

    public init(workspace: Workspace, template: String, selection: ClaimSelection, asOf: CalendarDate) {
        self.workspace = workspace
        self.template = template
        self.selection = selection
        self.asOf = asOf
    }

    public struct Report: Sendable {
        /// Files written, in order.
        public var written: [String] = []
        /// Claims that were skipped, and why (not an error).
        public var notes: [String] = []
        /// Claims that failed; nothing was written for them.
        public var problems: [String] = []
        /// The template's own caution, if it has one.
        public var warning: String?
    }

    /// One claim's email, composed once so the draft and the queued copy share a Message-ID.
    public struct PreparedEmail: Sendable {
        public var claim: Claim
        public var message: MailMessage
    }

    public func run(logger: Logger) throws(PayChaseError) -> Report {
        try prepare(logger: logger).report
    }

    /// Renders and writes the drafts, returning the emails ready to queue as well.
    public func prepare(logger: Logger) throws(PayChaseError) -> (report: Report, emails: [PreparedEmail], profile: PracticeProfile) {
        let profile = try workspace.loadProfile()
        let claims = try workspace.loadClaims(profile: profile)
        let template = try TemplateChoice.load(template, from: workspace)
        let chosen = try choose(from: claims)
        let history = workspace.attempts()
        let renderer = DocumentRenderer()
        var report = Report(warning: template.warning)
        var emails: [PreparedEmail] = []

        for claim in chosen {
            guard template.applies(to: claim.paymaster) else {
                let who = template.appliesTo!.map(\.rawValue).joined(separator: ", ")
                let note = "\(claim.id): skipped, \(template.name) is for claims paid by \(who) and this one is paid by \(claim.paymaster.rawValue)"
                if case .ids = selection { report.problems.append(note) } else { report.notes.append(note) }
                continue
            }
            let context = DocumentContext(claim: claim, profile: profile, attempts: history[claim.id] ?? [], today: asOf)
            do {
                let document = try renderer.render(template, context: context)
                // Everything for this claim is made in memory first, so a refusal writes nothing.
                var files: [(bytes: [UInt8], fileExtension: String)] = []
                var email: MailMessage?
                if template.isEmail() {
                    let message = EmailBuilder.message(for: document, profile: profile)
                    files.append((try MailComposer.compose(message, draft: true), "eml"))
                    email = message
                }
                if template.isLetter() {
                    files.append((Array(document.letterText.utf8), "txt"))
                }
                for file in files {
                    let path = try workspace.outbox.writeDraft(file.bytes, claimID: claim.id, template: template.name, fileExtension: file.fileExtension)
                    report.written.append(path)
                    logger.debug("wrote draft", metadata: ["claim": "\(claim.id)", "path": "\(path)"])
                }
                if let email { emails.append(PreparedEmail(claim: claim, message: email)) }
            } catch let error as RenderError {
                report.problems.append(error.description)
            } catch let error as MailError {
                report.problems.append("\(workspace.claimsPath):\(claim.line): claim \(claim.id): \(template.name): \(error)")
            } catch {
                throw PayChaseError(.unavailable, "\(error)")
            }
        }
        return (report, emails, profile)
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

/// Picks one template by name, refusing unknown names and broken templates.
enum TemplateChoice {
    static func load(_ name: String, from workspace: Workspace) throws(PayChaseError) -> DocumentTemplate {
        let library = workspace.loadTemplates()
        let ownProblems = library.problems.filter { $0.file.hasSuffix("/\(name).mustache") || $0.file == "\(name).mustache" }
        if !ownProblems.isEmpty { throw PayChaseError(.dataError, ownProblems.map(\.description)) }
        if let folderProblem = library.problems.first(where: { $0.file == workspace.templatesPath }) {
            throw PayChaseError(.usage, folderProblem.description)
        }
        guard let template = library[name] else {
            throw PayChaseError(.usage, "there is no template called '\(name)'; the templates are \(library.names.joined(separator: ", "))")
        }
        let unknown = template.check(against: DocumentSchema.value)
        if !unknown.isEmpty { throw PayChaseError(.dataError, unknown.map(\.description)) }
        return template
    }
}
