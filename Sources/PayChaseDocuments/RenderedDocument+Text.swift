import PayChaseDomain

extension RenderedDocument {
    /// The plain-text body of the email: greeting, paragraphs, sign-off and signature.
    public var emailText: String {
        let practice = practice
        var lines = ["\(salutation),", ""]
        for paragraph in paragraphs { lines += [paragraph, ""] }
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

    /// The letter as plain text, wrapped for reading and printing from any editor.
    public var letterText: String {
        let width = 78
        var lines: [String] = [practice.name] + practice.address
        lines.append("Tel: \(practice.phone)  Email: \(practice.email)  ODS code: \(practice.odsCode)")
        lines += ["", date.formatted, ""]
        if let person = recipient.person { lines.append(person) }
        lines += [recipient.name] + recipient.address + [""]
        lines.append("Our ref: \(ourReference)" + (yourReference.map { "    Your ref: \($0)" } ?? ""))
        lines += ["", "\(salutation),", ""]
        if let heading {
            lines += TextWrap.wrap(heading.uppercased(), width: width) + [""]
        }
        for paragraph in paragraphs { lines += TextWrap.wrap(paragraph, width: width) + [""] }
        lines += ["\(signOff),", "", "", "", practice.signatory.name, practice.signatory.role]
        if !enclosures.isEmpty {
            lines += [""] + enclosures.map { "Enc: \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Greedy word wrap that keeps a paragraph's own line breaks and indents list items.
public enum TextWrap {
    public static func wrap(_ paragraph: String, width: Int) -> [String] {
        paragraph.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let text = String(line)
            let indent = text.hasPrefix("- ") || text.hasPrefix("* ") ? "  " : ""
            var out: [String] = []
            var current = ""
            for word in text.split(separator: " ", omittingEmptySubsequences: true) {
                if current.isEmpty {
                    current = (out.isEmpty ? "" : indent) + word
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    out.append(current)
                    current = indent + word
                }
            }
            out.append(current)
            return out
        }
    }
}
