import PayChaseDomain

/// Fills a template in for a claim, strictly: a variable without a value is an error, never a blank.
public struct DocumentRenderer: Sendable {
    public init() {}

    public func render(_ template: DocumentTemplate, context: DocumentContext) throws(RenderError) -> RenderedDocument {
        let claim = context.claim
        let prepared = try prepare(template, context: context)
        let values = prepared.data.mustacheValue
        func line(_ part: DocumentTemplate.Part?) -> String? {
            part.map { $0.template.render(values).split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces() }
        }
        func lines(_ parts: [DocumentTemplate.Part]) -> [String] { parts.compactMap { line($0) }.filter { !$0.isEmpty } }
        // The subject goes into a header as it is: a line break from the data must be refused
        // when the message is composed, never quietly joined up.
        let subject = template.subject.map { $0.template.render(values).trimmingSpaces() }
        let practice = context.profile.practice
        let recipient = prepared.recipient
        let cc = lines(template.cc)
        var document = RenderedDocument(
            template: template.name,
            forms: template.forms,
            claimID: claim.id,
            practice: practice,
            recipient: recipient,
            date: context.today,
            ourReference: claim.id,
            // NHS Resolution has no reference for a request until it gives one; the CQRS or
            // payment reference is the paymaster's, not its.
            yourReference: template.recipient == .disputeResolution ? nil : claim.reference,
            subject: subject,
            heading: line(template.heading),
            salutation: recipient.salutation,
            signOff: recipient.signOff,
            signatory: template.signer == .partner ? practice.partner! : practice.signatory,
            onBehalfOf: template.signer == .partner ? practice.contractor : nil,
            paragraphs: Self.paragraphs(template.body.template.render(values)),
            cc: cc,
            copiesTo: context.contacts(named: cc, besides: recipient),
            enclosures: lines(template.enclosures),
            warning: Self.warning(line(template.warning), template: template, claim: claim)
        )
        document.isMinute = template.recipient == .partners
        return document
    }

    /// The template's own warning, and for a document that goes by email, whether the claim's
    /// text looks like patient-identifiable data.
    static func warning(_ own: String?, template: DocumentTemplate, claim: Claim) -> String? {
        var parts = [own].compactMap { $0 }.filter { !$0.isEmpty }
        let signs = PatientDataSigns.found(in: [claim.evidence, claim.calculation, claim.notes])
        if template.forms.contains(.email), !signs.isEmpty {
            parts.append(
                "The claim's evidence, calculation or notes look like patient-identifiable data (\(signs.joined(separator: " and "))): take it out of the claims file before this goes by email, or send the letter by post only."
            )
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Checks that the template fits the claim and that every value it uses is there.
    private func prepare(_ template: DocumentTemplate, context: DocumentContext) throws(RenderError) -> (recipient: Contact, data: TemplateValue) {
        let claim = context.claim
        let practice = context.profile.practice
        func fail(_ message: String) -> RenderError {
            RenderError(claimID: claim.id, template: template.name, problems: [TemplateError(file: template.file, message: message)])
        }
        guard template.applies(to: claim, practice: practice) else {
            throw fail("is only for \(template.appliesToDescription); this claim is not")
        }
        // A document that states interest never states a rate the table does not hold.
        if let problem = context.interestProblem, template.usesInterest {
            throw fail(problem)
        }
        var missing: [MissingSetting] = []
        if template.signer == .partner {
            if practice.partner == nil {
                missing.append(MissingSetting.forVariable("practice.partner", template: template.name, practice: practice)!)
            }
            if practice.contractor == nil {
                missing.append(MissingSetting.forVariable("practice.contractor", template: template.name, practice: practice)!)
            }
        }
        guard let recipient = context.contact(for: template.recipient) else {
            let setting = DocumentContext.setting(for: template.recipient, claim: claim)
            if template.recipient == .disputeResolution {
                missing.append(MissingSetting.forVariable("dispute_body", template: template.name, practice: practice)!)
                throw RenderError(claimID: claim.id, template: template.name, problems: [], missingSettings: missing)
            }
            throw fail("is addressed to \(template.recipient.rawValue), but the practice profile has no \(setting)")
        }
        let data = context.value(for: recipient)
        var check = StrictCheck(file: template.file, mode: .data)
        for part in template.parts { check.walk(part.tags, stack: [data]) }
        var problems: [TemplateError] = []
        for problem in check.problems {
            if let variable = problem.variable, let setting = MissingSetting.forVariable(variable, template: template.name, practice: practice) {
                if !missing.contains(setting) { missing.append(setting) }
            } else {
                problems.append(problem)
            }
        }
        guard problems.isEmpty, missing.isEmpty else {
            throw RenderError(claimID: claim.id, template: template.name, problems: problems, missingSettings: missing)
        }
        return (recipient, data)
    }

    /// Splits rendered text at blank lines, dropping the blank runs that skipped sections leave.
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        let normalised = text.replacingLineEndings()
        // Split on the byte, not the Character: no grapheme breaking needed to find a newline.
        for bytes in normalised.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            let trimmed = Substring(bytes).trimmingTrailingSpaces()
            if trimmed.utf8.allSatisfy({ $0 == 32 || $0 == 9 }) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }
}

extension Substring {
    /// Without trailing spaces and tabs.
    func trimmingTrailingSpaces() -> Substring {
        let utf8 = self.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == 32 || utf8[before] == 9 else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}

extension DocumentRenderer {
    /// What rendering would hit for this claim (for `check`): nothing when the template is not
    /// for the claim, settings the profile lacks, and the template's own problems.
    public func problems(_ template: DocumentTemplate, context: DocumentContext) -> RenderError? {
        guard template.applies(to: context.claim, practice: context.profile.practice) else { return nil }
        let document: RenderedDocument
        do { document = try render(template, context: context) } catch { return error }
        if let subject = document.subject, subject.hasHeaderUnsafeCharacters {
            let line = template.subject?.line
            return RenderError(
                claimID: context.claim.id,
                template: template.name,
                problems: [
                    TemplateError(
                        file: template.file,
                        line: line,
                        message:
                            "the subject would contain a line break or control character from the data; it goes into an email header, so it is refused"
                    )
                ]
            )
        }
        return nil
    }
}
