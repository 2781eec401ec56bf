/// What a printed letter holds, in order, whatever it is printed as: the PDF and the Word file
/// are laid out from the same parts, so they say the same.
public struct LetterParts: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case date(String)
        /// The recipient's name and address, a line each.
        case address([String])
        /// `Our ref: D-1    Your ref: CQRS-1`.
        case references(String)
        case salutation(String)
        case heading(String)
        /// A paragraph; a list's items are lines of it. `keptWithPrevious`: never alone on a page
        /// (a minute's signature lines).
        case paragraph(String, keptWithPrevious: Bool)
        /// The sign-off, room for a handwritten signature, then the signatory's lines.
        case signature(signOff: String, lines: [String])
        /// `cc:` and the copies, a line each.
        case copies([String])
        /// `Enc:` and the enclosures, a line each.
        case enclosures([String])
    }

    /// The practice's own letterhead: its name, address, and telephone, email and ODS code.
    public var letterhead: [String]
    public var parts: [Part]
    /// The partners' minute: no address, salutation or sign-off.
    public var isMinute: Bool

    public init(_ document: RenderedDocument) {
        let practice = document.practice
        letterhead = [
            practice.name, practice.address.joined(separator: " · "), "Tel \(practice.phone) · \(practice.email) · ODS code \(practice.odsCode)",
        ]
        isMinute = document.isMinute
        var parts: [Part] = [.date(document.date.formatted)]
        if document.isMinute {
            parts.append(.references("Our ref: \(document.ourReference)"))
            if let heading = document.heading { parts.append(.heading(heading)) }
            for (index, paragraph) in document.paragraphs.enumerated() {
                parts.append(.paragraph(paragraph, keptWithPrevious: index == document.paragraphs.count - 1))
            }
            self.parts = parts
            return
        }
        let recipient = document.recipient
        parts.append(.address([recipient.person].compactMap { $0 } + [recipient.name] + recipient.address))
        parts.append(.references("Our ref: \(document.ourReference)" + (document.yourReference.map { "\u{2003}\u{2003}Your ref: \($0)" } ?? "")))
        parts.append(.salutation("\(document.salutation),"))
        if let heading = document.heading { parts.append(.heading(heading)) }
        parts += document.paragraphs.map { .paragraph($0, keptWithPrevious: false) }
        parts.append(.signature(signOff: "\(document.signOff),", lines: document.signatureLines))
        if !document.cc.isEmpty { parts.append(.copies(document.cc)) }
        if !document.enclosures.isEmpty { parts.append(.enclosures(document.enclosures.map { "\u{2022} \($0)" })) }
        self.parts = parts
    }
}
