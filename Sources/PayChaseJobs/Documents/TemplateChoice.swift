import PayChaseDocuments

/// Picks one template by name, refusing unknown names and broken templates.
enum TemplateChoice {
    static func load(_ name: String, from workspace: Workspace) throws(PayChaseError) -> DocumentTemplate {
        let library = workspace.loadTemplates()
        let ownProblems = library.problems.filter { $0.file.hasSuffix("/\(name).mustache") || $0.file == "\(name).mustache" }
        if !ownProblems.isEmpty { throw PayChaseError(.invalidData, ownProblems.map(Problem.init)) }
        if let folderProblem = library.problems.first(where: { $0.file == workspace.templatesPath }) {
            throw PayChaseError(.usage, folderProblem.description)
        }
        guard let template = library[name] else {
            throw PayChaseError(.usage, "there is no template called '\(name)'; the templates are \(library.names.joined(separator: ", "))")
        }
        let unknown = template.check(against: DocumentSchema.value)
        if !unknown.isEmpty { throw PayChaseError(.invalidData, unknown.map(Problem.init)) }
        return template
    }
}
