import Logging
import PayChaseDocuments
import PayChaseDomain
import PayChasePrint

/// One claim's document as it would go, made in memory and never written: the email as text,
/// and the letter as a PDF. The service shows it before the practice drafts or sends it.
public struct PreviewJob: Sendable {
    public var workspace: Workspace
    public var claimID: String
    public var template: String
    public var asOf: CalendarDate

    public init(workspace: Workspace, claimID: String, template: String, asOf: CalendarDate) {
        self.workspace = workspace
        self.claimID = claimID
        self.template = template
        self.asOf = asOf
    }

    public struct Preview: Sendable {
        public var claimID: String
        public var template: String
        /// `email`, `letter`, or both.
        public var forms: [String]
        /// `NHS North East London ICB <nelicb@nhs.example>`.
        public var to: String
        public var cc: [String]
        /// The email's subject, or the letter's heading.
        public var subject: String
        /// The email's text as it would be sent; nil for a letter only.
        public var emailText: String?
        /// The letter in the format asked for (PDF or Word), when the template is a letter.
        public var letter: [UInt8]?
        /// The template's own caution, shown before it goes.
        public var warning: String?
    }

    /// The preview; `letter` lays out the letter as well, as a PDF or a Word file (slower).
    public func run(letter: LetterFormat?, logger: Logger) throws(PayChaseError) -> Preview {
        let letterhead = try workspace.letterhead(for: letter)
        let batch = DocumentBatch(
            workspace: workspace,
            template: template,
            selection: .ids([claimID]),
            asOf: asOf,
            profile: try workspace.loadProfile(),
            record: try workspace.readRecordView()
        )
        var preview: Preview?
        let result = try batch.run(
            make: { _, document, template, _ in
                let pdf = template.isLetter() ? try letter?.bytes(of: document, letterhead: letterhead) : nil
                let attached = template.attachLetter ? EmailBuilder.letterFileName(document) : nil
                return Preview(
                    claimID: document.claimID,
                    template: template.name,
                    forms: template.forms.map(\.rawValue),
                    to: "\(document.recipient.name) <\(document.recipient.email)>",
                    cc: document.copiesTo.map { "\($0.name) <\($0.email)>" },
                    subject: document.subject ?? document.heading ?? template.name,
                    emailText: template.isEmail() ? document.emailText(attaching: attached) : nil,
                    letter: pdf,
                    warning: document.warning
                )
            },
            keep: { _, made in preview = made }
        )
        if !result.problems.isEmpty { throw PayChaseError(.invalidData, result.problems) }
        guard let preview else { throw PayChaseError(.usage, "\(template) cannot be made for claim \(claimID)") }
        logger.debug("previewed", metadata: ["claim": "\(claimID)", "template": "\(template)"])
        return preview
    }
}
