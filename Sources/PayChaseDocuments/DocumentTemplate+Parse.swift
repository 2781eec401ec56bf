import Mustache
import PayChaseDomain
import Yams

extension DocumentTemplate {
    static let frontMatterKeys = [
        "kind", "to", "applies_to", "subject", "heading", "signed_by", "cc", "enclosures", "warning", "attach_letter", "sources",
    ]

    /// Parses `---` front matter and the body that follows it.
    public init(name: String, file: String, text: String) throws(TemplateError) {
        let normalised = text.replacingLineEndings()
        let lines = normalised.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            throw TemplateError(file: file, line: 1, message: "must start with front matter between two '---' lines (kind, to, subject)")
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw TemplateError(file: file, line: 2, message: "front matter is not valid YAML: \(error)")
        }
        guard let front = root?.mapping else {
            throw TemplateError(file: file, line: 2, message: "front matter must be 'name: value' lines")
        }
        func line(_ key: String) -> Int { (front[key]?.mark?.line ?? 0) + 1 }
        func fail(_ key: String, _ message: String) -> TemplateError {
            TemplateError(file: file, line: line(key), message: "\(key): \(message)")
        }
        for key in front.keys.compactMap(\.string) where !Self.frontMatterKeys.contains(key) {
            throw fail(key, "is not a front matter key (use \(Self.frontMatterKeys.joined(separator: ", ")))")
        }

        let kindWords = (front["kind"]?.string ?? "").split(whereSeparator: { " +,".contains($0) })
        let forms = kindWords.compactMap { Form(rawValue: String($0)) }
        guard !forms.isEmpty, forms.count == kindWords.count else {
            throw fail("kind", "must be email, letter, or email + letter")
        }
        guard let recipientText = front["to"]?.string, let recipient = Recipient(parsing: recipientText) else {
            throw fail("to", "must be \(Recipient.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var appliesTo: [String]?
        if let node = front["applies_to"] {
            let names = node.sequence.map { $0.compactMap(\.string) } ?? node.string.map { [$0] } ?? []
            guard !names.isEmpty, names.allSatisfy(Self.routeNames.contains) else {
                throw fail("applies_to", "must list some of \(Self.routeNames.joined(separator: ", "))")
            }
            appliesTo = names
        }
        var signer = Signer.signatory
        if let node = front["signed_by"] {
            guard let text = node.string, let value = Signer(rawValue: text) else { throw fail("signed_by", "must be signatory or partner") }
            signer = value
        }
        func texts(_ key: String) throws(TemplateError) -> [(String, Int)] {
            guard let node = front[key] else { return [] }
            guard let items = node.sequence else { throw fail(key, "must be a list") }
            var values: [(String, Int)] = []
            for item in items {
                guard let source = item.string else { throw fail(key, "every item must be text") }
                values.append((source, (item.mark?.line ?? 0) + 1))
            }
            return values
        }
        let sources = try texts("sources").map(\.0)
        if let bad = sources.first(where: { !$0.hasPrefix("https://") }) { throw fail("sources", "'\(bad)' must be an https:// address") }

        func part(_ key: String) throws(TemplateError) -> Part? {
            guard let node = front[key] else { return nil }
            guard let source = node.string else { throw fail(key, "must be text") }
            return try Self.part(source, file: file, line: line(key))
        }
        let subject = try part("subject")
        let heading = try part("heading")
        let warning = try part("warning")
        if forms.contains(.email) && subject == nil { throw fail("kind", "an email needs a subject:") }
        if forms.contains(.letter) && heading == nil { throw fail("kind", "a letter needs a heading:") }
        var cc: [Part] = []
        for (source, line) in try texts("cc") { cc.append(try Self.part(source, file: file, line: line)) }
        var enclosures: [Part] = []
        for (source, line) in try texts("enclosures") { enclosures.append(try Self.part(source, file: file, line: line)) }
        var attachLetter = false
        if let node = front["attach_letter"] {
            guard let value = node.bool else { throw fail("attach_letter", "must be true or false") }
            guard !value || (forms.contains(.email) && forms.contains(.letter)) else {
                throw fail("attach_letter", "needs kind: email + letter")
            }
            attachLetter = value
        }
        let body = lines[(end + 1)...].joined(separator: "\n")
        self.init(
            name: name, file: file, forms: forms, recipient: recipient, appliesTo: appliesTo, signer: signer, sources: sources,
            attachLetter: attachLetter, subject: subject, heading: heading, warning: warning, cc: cc, enclosures: enclosures,
            body: try Self.part(body, file: file, line: end + 2)
        )
    }

    private static func part(_ source: String, file: String, line: Int) throws(TemplateError) -> Part {
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
