import Yams

extension DocumentTemplate {
    /// The front matter's keys, each read with the line it is on for error messages.
    struct FrontMatter {
        let front: Node.Mapping
        let file: String

        init(yaml: String, file: String) throws(TemplateError) {
            self.file = file
            let root: Node?
            do { root = try Yams.compose(yaml: yaml) } catch {
                throw TemplateError(file: file, line: 2, message: "front matter is not valid YAML: \(error)")
            }
            guard let front = root?.mapping else {
                throw TemplateError(file: file, line: 2, message: "front matter must be 'name: value' lines")
            }
            self.front = front
            for key in front.keys.compactMap(\.string) where !DocumentTemplate.frontMatterKeys.contains(key) {
                throw fail(key, "is not a front matter key (use \(DocumentTemplate.frontMatterKeys.joined(separator: ", ")))")
            }
        }

        func line(_ key: String) -> Int { (front[key]?.mark?.line ?? 0) + 1 }

        func fail(_ key: String, _ message: String) -> TemplateError {
            TemplateError(file: file, line: line(key), message: "\(key): \(message)")
        }

        func forms() throws(TemplateError) -> [Form] {
            let words = (front["kind"]?.string ?? "").split(whereSeparator: { " +,".contains($0) })
            let forms = words.compactMap { Form(rawValue: String($0)) }
            guard !forms.isEmpty, forms.count == words.count else { throw fail("kind", "must be email, letter, or email + letter") }
            return forms
        }

        func recipient() throws(TemplateError) -> Recipient {
            guard let text = front["to"]?.string, let recipient = Recipient(parsing: text) else {
                throw fail("to", "must be \(Recipient.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return recipient
        }

        func appliesTo() throws(TemplateError) -> [String]? {
            guard let node = front["applies_to"] else { return nil }
            let names = node.sequence.map { $0.compactMap(\.string) } ?? node.string.map { [$0] } ?? []
            guard !names.isEmpty, names.allSatisfy(DocumentTemplate.routeNames.contains) else {
                throw fail("applies_to", "must list some of \(DocumentTemplate.routeNames.joined(separator: ", "))")
            }
            return names
        }

        func signer() throws(TemplateError) -> Signer {
            guard let node = front["signed_by"] else { return .signatory }
            guard let text = node.string, let value = Signer(rawValue: text) else { throw fail("signed_by", "must be signatory or partner") }
            return value
        }

        func sources() throws(TemplateError) -> [String] {
            let sources = try texts("sources").map(\.text)
            if let bad = sources.first(where: { !$0.hasPrefix("https://") }) { throw fail("sources", "'\(bad)' must be an https:// address") }
            return sources
        }

        func attachLetter(forms: [Form]) throws(TemplateError) -> Bool {
            guard let node = front["attach_letter"] else { return false }
            guard let value = node.bool else { throw fail("attach_letter", "must be true or false") }
            guard !value || (forms.contains(.email) && forms.contains(.letter)) else { throw fail("attach_letter", "needs kind: email + letter") }
            return value
        }

        /// One text that is a template itself (subject, heading, warning).
        func part(_ key: String) throws(TemplateError) -> Part? {
            guard let node = front[key] else { return nil }
            guard let source = node.string else { throw fail(key, "must be text") }
            return try DocumentTemplate.part(source, file: file, line: line(key))
        }

        /// A list of texts that are templates (cc, enclosures).
        func parts(_ key: String) throws(TemplateError) -> [Part] {
            var parts: [Part] = []
            for item in try texts(key) { parts.append(try DocumentTemplate.part(item.text, file: file, line: item.line)) }
            return parts
        }

        private func texts(_ key: String) throws(TemplateError) -> [(text: String, line: Int)] {
            guard let node = front[key] else { return [] }
            guard let items = node.sequence else { throw fail(key, "must be a list") }
            var values: [(text: String, line: Int)] = []
            for item in items {
                guard let source = item.string else { throw fail(key, "every item must be text") }
                values.append((source, (item.mark?.line ?? 0) + 1))
            }
            return values
        }
    }
}
