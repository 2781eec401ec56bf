import PayChaseDomain

/// A document filled in for one claim, ready to lay out as an email or a letter.
public struct RenderedDocument: Sendable, Hashable {
    public var template: String
    public var forms: [DocumentTemplate.Form]
    public var claimID: String
    public var practice: Practice
    public var recipient: Contact
    public var date: CalendarDate
    public var ourReference: String
    public var yourReference: String?
    public var subject: String?
    public var heading: String?
    public var salutation: String
    public var signOff: String
    /// The body, one entry per paragraph; a paragraph may hold line breaks (lists).
    public var paragraphs: [String]
    public var enclosures: [String]
    public var warning: String?
}

/// Why a document could not be filled in for a claim; nothing is written for it.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var claimID: String
    public var template: String
    public var problems: [TemplateError]

    public var description: String {
        problems.map { "\($0) (claim \(claimID))" }.joined(separator: "\n")
    }
}
