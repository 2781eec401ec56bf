import PayChaseDomain

/// Why a document could not be filled in for a claim; nothing is written for it.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var claimID: String
    public var template: String
    public var problems: [TemplateError]
    /// Settings the profile lacks for this document: a matter of configuration, not of the template.
    public var missingSettings: [MissingSetting]

    public init(claimID: String, template: String, problems: [TemplateError], missingSettings: [MissingSetting] = []) {
        self.claimID = claimID
        self.template = template
        self.problems = problems
        self.missingSettings = missingSettings
    }

    public var description: String {
        (missingSettings.map(\.description) + problems.map(\.description)).map { "\($0) (claim \(claimID))" }.joined(separator: "\n")
    }
}
