import Logging
import PayChaseDocuments

/// `paychase templates`: each template in use, what it is, and the variables it uses.
public struct TemplatesJob: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public struct Entry: Sendable, Hashable {
        public var name: String
        /// `email`, `letter`, or both.
        public var forms: [String]
        /// Who it goes to: paymaster, commissioner, lmc, dispute-resolution.
        public var recipient: String
        /// The routes and paymasters it is for; nil for every claim.
        public var appliesTo: String?
        public var file: String
        public var variables: [String]
    }

    public struct Listing: Sendable {
        public var templates: [Entry]
        /// Templates that could not be read.
        public var problems: [String]
        /// Every variable a template may use.
        public var allVariables: [String]
    }

    public func run(logger: Logger) -> Listing {
        let library = workspace.loadTemplates()
        logger.debug("read templates", metadata: ["templates": "\(library.names.count)", "problems": "\(library.problems.count)"])
        let entries = library.names.map { name in
            let template = library[name]!
            return Entry(
                name: name,
                forms: template.forms.map(\.rawValue),
                recipient: template.recipient.rawValue,
                appliesTo: template.appliesTo == nil ? nil : template.appliesToDescription,
                file: template.file,
                variables: template.variables(schema: DocumentSchema.value)
            )
        }
        return Listing(templates: entries, problems: library.problems.map(\.description), allVariables: DocumentSchema.value.dottedNames)
    }
}
