import PayChaseDocuments

/// `paychase templates`: each template, what it is, and the variables it uses.
public struct TemplateListing: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public func text() -> String {
        let library = workspace.loadTemplates()
        var lines: [String] = []
        for name in library.names {
            let template = library[name]!
            let forms = template.forms.map(\.rawValue).joined(separator: " + ")
            let scope = template.appliesTo == nil ? "" : " (only for \(template.appliesToDescription))"
            lines.append("\(name): \(forms) to \(template.recipient.rawValue)\(scope)  [\(template.file)]")
            lines.append("  variables: " + template.variables(schema: DocumentSchema.value).joined(separator: ", "))
        }
        for problem in library.problems { lines.append("problem: \(problem)") }
        lines.append("")
        lines.append("Every variable a template may use: " + DocumentSchema.value.dottedNames.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
