import PayChaseDomain

extension RenderedDocument {
    /// The plain-text body of the email: greeting, paragraphs, sign-off and signature.
    public var emailText: String { emailText(attaching: nil) }

    /// The email text, saying which attached file holds the letter.
    public func emailText(attaching attachment: String?) -> String {
        let practice = practice
        var lines = ["\(salutation),", ""]
        for paragraph in paragraphs { lines += [paragraph, ""] }
        if let attachment {
            // No signature image is kept: the PDF is unsigned, and the signed letter goes by post.
            lines += ["The letter is attached as a PDF (\(attachment)): an unsigned copy; the signed original follows by post.", ""]
        }
        lines += ["\(signOff),", ""] + signatureLines
        lines += [
            "\(practice.name) (ODS code \(practice.odsCode))",
            practice.address.joined(separator: ", "),
            "Tel: \(practice.phone)",
        ]
        if !cc.isEmpty { lines += ["", "cc: " + cc.joined(separator: "; ")] }
        // An email encloses only what is attached; the rest is offered, never claimed to be there.
        if let attachment { lines += ["", "Attached:", "- the letter (\(attachment))"] }
        if !enclosures.isEmpty { lines += ["", "Available on request:"] + enclosures.map { "- \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Who signs, their role, and "for and on behalf of" the contractor on a notice.
    public var signatureLines: [String] {
        [signatory.name, signatory.role] + (onBehalfOf.map { ["for and on behalf of \($0)"] } ?? [])
    }
}
