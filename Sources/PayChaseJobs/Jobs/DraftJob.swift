import Foundation
import Logging
import PayChaseDocuments
import PayChaseDomain
import PayChaseMail
import PayChaseOutbox
import PayChasePrint

/// `paychase draft`: renders a template for each chosen claim into `Outbox/drafts/`.
public struct DraftJob: Sendable {
    public var workspace: Workspace
    public var template: String
    public var selection: ClaimSelection
    public var asOf: CalendarDate
    /// A serious step out of the ladder's turn (`paychase draft`): nil, not asked about; false,
    /// refused naming the steps the record does not show; true, drafted with a note (`--force`).
    public var outOfTurn: Bool?
    /// How letters are written into the drafts: PDF, or Word to change before printing.
    public var letterFormat = LetterFormat.pdf

    public init(workspace: Workspace, template: String, selection: ClaimSelection, asOf: CalendarDate) {
        self.workspace = workspace
        self.template = template
        self.selection = selection
        self.asOf = asOf
    }

    /// One claim's email, composed once so the draft and the queued copy share a Message-ID.
    public struct PreparedEmail: Sendable {
        public var claim: Claim
        public var message: MailMessage
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> DraftResult {
        let profile = try workspace.loadProfile()
        return try prepare(profile: profile, record: try workspace.readRecordView(), logger: logger, clock: clock).result
    }

    /// Renders and writes the drafts, returning the emails ready to queue as well. `beforeRendering`
    /// hears which claims the template is for before any is rendered.
    func prepare(
        profile: PracticeProfile,
        record: RecordView,
        logger: Logger,
        clock: WallClock,
        beforeRendering: ([Claim], String) throws(PayChaseError) -> Void = { _, _ in }
    ) throws(PayChaseError) -> (result: DraftResult, emails: [PreparedEmail]) {
        let letterhead = try workspace.letterhead(for: letterFormat)
        let letterFormat = letterFormat
        let (claimsPath, outboxPath) = (workspace.claimsPath, workspace.outbox.root)
        var emails: [PreparedEmail] = []
        var written: [String] = []
        let outputs = AtomicBatch()
        var batch = DocumentBatch(workspace: workspace, template: template, selection: selection, asOf: asOf, profile: profile, record: record)
        batch.outOfTurn = outOfTurn
        let date = clock.now()
        var result = try batch.run(
            beforeRendering: beforeRendering,
            make: { claim, document, template, profile in
                // Everything for this claim is made in memory first, so a refusal writes nothing.
                var files: [(bytes: [UInt8], fileExtension: String)] = []
                var email: MailMessage?
                // The email carries the letter as a PDF, whatever the drafts are written as.
                let needsPDF = template.isLetter() && (letterFormat == .pdf || (template.isEmail() && template.attachLetter))
                let letter = needsPDF ? try LetterPDF.render(document) : nil
                if template.isEmail() {
                    // An evidence submission carries the claim's files, once the rules allow it.
                    let evidence =
                        template.name == DocumentName.evidenceSubmission
                        ? try EvidenceAttachments.load(
                            for: claim,
                            document: document,
                            rules: profile.evidenceMail,
                            claimsPath: claimsPath,
                            outboxPath: outboxPath
                        ) : []
                    let message = EmailBuilder.message(
                        for: document,
                        profile: profile,
                        letter: template.attachLetter ? letter : nil,
                        evidence: evidence,
                        date: date,
                        record: record.head
                    )
                    files.append((try MailComposer.compose(message, draft: true), "eml"))
                    email = message
                }
                if template.isLetter() {
                    let bytes = letterFormat == .pdf ? letter! : try letterFormat.bytes(of: document, letterhead: letterhead)
                    files.append((bytes, letterFormat.rawValue))
                }
                return DraftFiles(template: template.name, files: files, email: email)
            },
            keep: { claim, made in
                for file in made.files {
                    let path = try workspace.outbox.writeDraft(
                        file.bytes,
                        claimID: claim.id,
                        template: made.template,
                        fileExtension: file.fileExtension,
                        batch: outputs
                    )
                    written.append(path)
                    logger.debug("wrote draft", metadata: ["claim": "\(claim.id)", "path": "\(path)"])
                }
                if let email = made.email { emails.append(PreparedEmail(claim: claim, message: email)) }
            }
        )
        do { try outputs.commit() } catch { throw error.failure }
        result.written = written
        return (result, emails)
    }
}

/// One claim's drafts, made in memory before any is written.
struct DraftFiles: Sendable {
    var template: String
    var files: [(bytes: [UInt8], fileExtension: String)]
    var email: MailMessage?
}
