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
            lines += ["The letter is attached as a PDF (\(attachment)), ready to print and file.", ""]
        }
        lines += [
            "\(signOff),", "",
            practice.signatory.name,
            practice.signatory.role,
            "\(practice.name) (ODS code \(practice.odsCode))",
            practice.address.joined(separator: ", "),
            "Tel: \(practice.phone)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
