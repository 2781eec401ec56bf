import PayChaseDomain

/// Fills a template in for a claim, strictly: a variable without a value is an error, never a blank.
public struct DocumentRenderer: Sendable {
    public init() {}

    public func render(_ template: DocumentTemplate, context: DocumentContext) throws(RenderError) -> RenderedDocument {
        let claim = context.claim
        func fail(_ message: String) -> RenderError {
            RenderError(claimID: claim.id, template: template.name, problems: [TemplateError(file: template.file, message: message)])
        }
        guard template.applies(to: claim.paymaster) else {
            let allowed = template.appliesTo!.map(\.rawValue).joined(separator: ", ")
            throw fail("is only for claims paid by \(allowed); this claim is paid by \(claim.paymaster.rawValue)")
        }
        guard let recipient = context.contact(for: template.recipient) else {
            throw fail("is addressed to \(template.recipient.rawValue), but the practice profile has no contact for it")
        }
        let data = context.value(for: recipient)

        var check = StrictCheck(file: template.file, mode: .data)
        for part in template.parts { check.walk(part.tags, stack: [data]) }
        guard check.problems.isEmpty else {
            throw RenderError(claimID: claim.id, template: template.name, problems: check.problems)
        }
        let values = data.mustacheValue
        func line(_ part: DocumentTemplate.Part?) -> String? {
            part.map { $0.template.render(values).split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces() }
        }
        // The subject goes into a header as it is: a line break from the data must be refused
        // when the message is composed, never quietly joined up.
        let subject = template.subject.map { $0.template.render(values).trimmingSpaces() }
        return RenderedDocument(
            template: template.name, forms: template.forms, claimID: claim.id, practice: context.profile.practice,
            recipient: recipient, date: context.today, ourReference: claim.id, yourReference: claim.reference,
            subject: subject, heading: line(template.heading),
            salutation: recipient.salutation, signOff: recipient.signOff,
            paragraphs: Self.paragraphs(template.body.template.render(values)),
            enclosures: template.enclosures.compactMap { line($0) }.filter { !$0.isEmpty },
            warning: template.warning
        )
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
    /// The problems rendering would hit for this claim, without rendering (for `check`).
    public func problems(_ template: DocumentTemplate, context: DocumentContext) -> [TemplateError] {
        guard template.applies(to: context.claim.paymaster) else { return [] }
        guard let recipient = context.contact(for: template.recipient) else {
            return [TemplateError(file: template.file, message: "is addressed to \(template.recipient.rawValue), but the practice profile has no contact for it")]
        }
        var check = StrictCheck(file: template.file, mode: .data)
        let data = context.value(for: recipient)
        for part in template.parts { check.walk(part.tags, stack: [data]) }
        if check.problems.isEmpty, let subject = template.subject,
           subject.template.render(data.mustacheValue).trimmingSpaces().hasHeaderUnsafeCharacters {
            return [TemplateError(file: template.file, line: subject.line, message: "the subject would contain a line break or control character from the data; it goes into an email header, so it is refused")]
        }
        return check.problems
    }
}
