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
            lines += ["The signed letter is attached as a PDF (\(attachment)).", ""]
        }
        lines += ["\(signOff),", ""] + signatureLines
        lines += [
            "\(practice.name) (ODS code \(practice.odsCode))",
            practice.address.joined(separator: ", "),
            "Tel: \(practice.phone)",
        ]
        if !cc.isEmpty { lines += ["", "cc: " + cc.joined(separator: "; ")] }
        if !enclosures.isEmpty { lines += ["", "Enclosures:"] + enclosures.map { "- \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Who signs, their role, and "for and on behalf of" the contractor on a notice.
    public var signatureLines: [String] {
        [signatory.name, signatory.role] + (onBehalfOf.map { ["for and on behalf of \($0)"] } ?? [])
    }
}
