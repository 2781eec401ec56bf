import PayChaseDomain

/// A problem with a template, or with rendering it for a claim, pointing at the template line.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    /// The variable that had no value, when that is the problem (`practice.partner.name`).
    public var variable: String?

    public init(file: String, line: Int? = nil, message: String, variable: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.variable = variable
    }

    /// `chase.mustache:12: unknown variable claim.refernce`.
    public var description: String { FileLine.format(file: file, line: line, message) }
}
