import PayChaseJobs

extension TemplatesJob.Listing {
    /// Two lines per template, its problems, then every variable there is.
    var text: String {
        var lines: [String] = []
        for entry in templates {
            let scope = entry.appliesTo.map { " (only for \($0))" } ?? ""
            lines.append("\(entry.name): \(entry.forms.joined(separator: " + ")) to \(entry.recipient)\(scope)  [\(entry.file)]")
            lines.append("  variables: " + entry.variables.joined(separator: ", "))
        }
        for problem in problems { lines.append("problem: \(problem)") }
        lines.append("")
        lines.append("Every variable a template may use: " + allVariables.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
