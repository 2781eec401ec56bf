import Mustache
import PayChaseDomain
import Yams

extension DocumentTemplate {
    static let frontMatterKeys = [
        "kind", "to", "applies_to", "subject", "heading", "signed_by", "cc", "enclosures", "warning", "attach_letter", "sources",
    ]

    /// Parses `---` front matter and the body that follows it.
    public init(name: String, file: String, text: String) throws(TemplateError) {
        let lines = text.replacingLineEndings().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            throw TemplateError(file: file, line: 1, message: "must start with front matter between two '---' lines (kind, to, subject)")
        }
        let front = try FrontMatter(yaml: lines[1..<end].joined(separator: "\n"), file: file)
        let forms = try front.forms()
        let subject = try front.part("subject")
        let heading = try front.part("heading")
        if forms.contains(.email) && subject == nil { throw front.fail("kind", "an email needs a subject:") }
        if forms.contains(.letter) && heading == nil { throw front.fail("kind", "a letter needs a heading:") }
        let body = lines[(end + 1)...].joined(separator: "\n")
        let recipient = try front.recipient()
        if recipient == .partners && forms != [.letter] {
            throw front.fail("kind", "a document to the partners is their own minute: kind: letter only, never an email")
        }
        self.init(
            name: name,
            file: file,
            forms: forms,
            recipient: recipient,
            appliesTo: try front.appliesTo(),
            signer: try front.signer(),
            sources: try front.sources(),
            attachLetter: try front.attachLetter(forms: forms),
            subject: subject,
            heading: heading,
            warning: try front.part("warning"),
            cc: try front.parts("cc"),
            enclosures: try front.parts("enclosures"),
            body: try Self.part(body, file: file, line: end + 2)
        )
    }

    static func part(_ source: String, file: String, line: Int) throws(TemplateError) -> Part {
        let tags = try TagScanner.scan(source, file: file, firstLine: line)
        do {
            // Plain text, not HTML: `&` stays `&` in a letter.
            let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + source)
            return Part(source: source, line: line, tags: tags, template: template)
        } catch {
            throw TemplateError(file: file, line: line, message: "is not a valid Mustache template: \(error)")
        }
    }
}

extension String {
    /// CRLF and lone CR become LF.
    func replacingLineEndings() -> String {
        guard utf8.contains(13) else { return self }
        return replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }
}
