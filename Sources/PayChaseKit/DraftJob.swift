import Foundation
import Logging
import PayChaseDocuments
import PayChaseDomain
import PayChaseLetters
import PayChaseMail
import PayChaseOutbox

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
        /// The template's cautions for the claims drafted, each naming its claims.
        public var warnings: [String] = []
        /// Set when the files were written but could not be handed on (to a printer).
        public var handOffFailure: PayChaseError?
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
        var emails: [PreparedEmail] = []
        var written: [String] = []
        let outputs = AtomicBatch()
        let batch = DocumentBatch(workspace: workspace, template: template, selection: selection, asOf: asOf)
        let (report0, profile) = try batch.run(make: { claim, document, template, profile in
            // Everything for this claim is made in memory first, so a refusal writes nothing.
            var files: [(bytes: [UInt8], fileExtension: String)] = []
            var email: MailMessage?
            let letter = template.isLetter() ? try LetterPDF.render(document) : nil
            if template.isEmail() {
                let message = EmailBuilder.message(for: document, profile: profile, letter: template.attachLetter ? letter : nil)
                files.append((try MailComposer.compose(message, draft: true), "eml"))
                email = message
            }
            if let letter { files.append((letter, "pdf")) }
            return DraftFiles(template: template.name, files: files, email: email)
        }, keep: { claim, made in
            for file in made.files {
                let path = try workspace.outbox.writeDraft(file.bytes, claimID: claim.id, template: made.template, fileExtension: file.fileExtension, batch: outputs)
                written.append(path)
                logger.debug("wrote draft", metadata: ["claim": "\(claim.id)", "path": "\(path)"])
            }
            if let email = made.email { emails.append(PreparedEmail(claim: claim, message: email)) }
        })
        var report = report0
        do { try outputs.commit() } catch { throw PayChaseError(.temporaryFailure, error.description) }
        report.written = written
        return (report, emails, profile)
    }
}

/// One claim's drafts, made in memory before any is written.
struct DraftFiles: Sendable {
    var template: String
    var files: [(bytes: [UInt8], fileExtension: String)]
    var email: MailMessage?
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
