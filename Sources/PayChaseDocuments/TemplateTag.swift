import Foundation

/// A Mustache tag found in a template, with the line it is on.
struct TemplateTag: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case variable
        case section
        case invertedSection
        case close
    }

    var kind: Kind
    var name: String
    var line: Int
    /// `claim.amount` as `["claim", "amount"]`, split once.
    var path: [String]

    init(kind: Kind, name: String, line: Int) {
        self.kind = kind
        self.name = name
        self.line = line
        path = name == "." ? [] : name.split(separator: ".").map(String.init)
    }
}

/// A tag tree: sections hold the tags inside them.
indirect enum TagNode: Sendable {
    case variable(TemplateTag)
    case section(TemplateTag, inverted: Bool, children: [TagNode])
}

/// Reads the tags of a template the way Mustache does (default `{{ }}` delimiters).
enum TagScanner {
    /// The tag tree of `text`, whose first line is line `firstLine` of `file`.
    static func scan(_ text: String, file: String, firstLine: Int) throws(TemplateError) -> [TagNode] {
        var stack: [(TemplateTag, Bool, [TagNode])] = []
        var current: [TagNode] = []
        for tag in try tags(in: text, file: file, firstLine: firstLine) {
            switch tag.kind {
            case .variable: current.append(.variable(tag))
            case .section, .invertedSection:
                stack.append((tag, tag.kind == .invertedSection, current))
                current = []
            case .close:
                guard let (open, inverted, parent) = stack.popLast() else {
                    throw TemplateError(file: file, line: tag.line, message: "{{/\(tag.name)}} closes a section that was never opened")
                }
                guard open.name == tag.name else {
                    throw TemplateError(
                        file: file,
                        line: tag.line,
                        message: "{{/\(tag.name)}} closes {{#\(open.name)}} from line \(open.line); close sections in order"
                    )
                }
                current = parent + [.section(open, inverted: inverted, children: current)]
            }
        }
        if let (open, _, _) = stack.last {
            throw TemplateError(file: file, line: open.line, message: "{{#\(open.name)}} is never closed with {{/\(open.name)}}")
        }
        return current
    }

    private static func tags(in text: String, file: String, firstLine: Int) throws(TemplateError) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        var line = firstLine
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" ? 1 : 0) }
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            guard let close = rest[open.upperBound...].range(of: closing) else {
                throw TemplateError(file: file, line: line, message: "a tag opened with {{ is never closed with }}")
            }
            var inner = rest[open.upperBound..<close.lowerBound]
            if triple { inner = inner.dropFirst() }
            let tagLine = line
            line += inner.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" ? 1 : 0) }
            rest = rest[close.upperBound...]
            if let tag = try tag(String(inner), triple: triple, file: file, line: tagLine) { tags.append(tag) }
        }
        return tags
    }

    private static func tag(_ inner: String, triple: Bool, file: String, line: Int) throws(TemplateError) -> TemplateTag? {
        let trimmed = inner.trimming(" \t\r\n")
        guard let sigil = trimmed.first else {
            throw TemplateError(file: file, line: line, message: "an empty tag {{}}")
        }
        let body = { name(trimmed.dropFirst()) }
        switch sigil {
        case "!", "%": return nil
        case "#": return TemplateTag(kind: .section, name: body(), line: line)
        case "^": return TemplateTag(kind: .invertedSection, name: body(), line: line)
        case "/": return TemplateTag(kind: .close, name: body(), line: line)
        case "&": return TemplateTag(kind: .variable, name: body(), line: line)
        case ">", "<", "$":
            throw TemplateError(file: file, line: line, message: "partials and blocks ({{\(sigil)...}}) are not supported in PayChase templates")
        case "=":
            throw TemplateError(file: file, line: line, message: "changing delimiters ({{=...=}}) is not supported in PayChase templates")
        default:
            return TemplateTag(kind: .variable, name: name(Substring(trimmed)), line: line)
        }
    }

    /// `name`, or the argument of a transform such as `uppercase(name)`.
    private static func name(_ text: Substring) -> String {
        var name = text.trimming(" \t")
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        }
        return name
    }
}

extension StringProtocol {
    func trimming(_ set: String) -> String {
        let characters = Set(set)
        guard let first = firstIndex(where: { !characters.contains($0) }) else { return "" }
        let last = lastIndex(where: { !characters.contains($0) })!
        return String(self[first...last])
    }
}
