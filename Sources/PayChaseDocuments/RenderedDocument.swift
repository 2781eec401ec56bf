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
    /// Who signs: the practice's signatory, or a partner for a notice.
    public var signatory: Signatory
    /// "for and on behalf of" this contractor, under the signature of a notice.
    public var onBehalfOf: String?
    /// The body, one entry per paragraph; a paragraph may hold line breaks (lists).
    public var paragraphs: [String]
    /// Copies to, as short names.
    public var cc: [String]
    /// The contacts in the profile that `cc` names, for an email's `Cc:`.
    public var copiesTo: [Contact]
    /// Enclosures, as short titles.
    public var enclosures: [String]
    /// A caution for the practice before it sends this document; never part of the document.
    public var warning: String?
    /// The partners' own minute: printed without an address, salutation or sign-off, its body
    /// holding the lines they sign.
    public var isMinute = false
}
