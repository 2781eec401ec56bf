import Mustache
import PayChaseDomain

/// One user-editable document: front matter (kind, recipient, subject, heading) and a Mustache body.
public struct DocumentTemplate: Sendable {
    /// How the document goes out.
    public enum Form: String, Sendable, CaseIterable {
        case email
        case letter
    }

    /// Who the document is addressed to.
    public enum Recipient: String, Sendable, CaseIterable {
        /// The body that pays this claim.
        case paymaster
        /// The Local Medical Committee.
        case lmc
        /// NHS England, whoever pays the claim (the contract is with NHS England).
        case nhsEngland = "nhs-england"
    }

    /// A piece of template text and the tags in it.
    struct Part: Sendable {
        var source: String
        var line: Int
        var tags: [TagNode]
        var template: MustacheTemplate
    }

    public let name: String
    public let file: String
    public let forms: [Form]
    public let recipient: Recipient
    /// Only claims paid by these paymasters; nil for any.
    public let appliesTo: [PaymasterRole]?
    /// A caution printed whenever the document is drafted.
    public let warning: String?
    /// The email carries the letter as a PDF attachment.
    public let attachLetter: Bool
    let subject: Part?
    let heading: Part?
    let enclosures: [Part]
    let body: Part

    init(
        name: String, file: String, forms: [Form], recipient: Recipient, appliesTo: [PaymasterRole]?, warning: String?,
        attachLetter: Bool, subject: Part?, heading: Part?, enclosures: [Part], body: Part
    ) {
        self.name = name
        self.file = file
        self.forms = forms
        self.recipient = recipient
        self.appliesTo = appliesTo
        self.warning = warning
        self.attachLetter = attachLetter
        self.subject = subject
        self.heading = heading
        self.enclosures = enclosures
        self.body = body
    }

    var parts: [Part] { [subject, heading].compactMap { $0 } + enclosures + [body] }

    public func isEmail() -> Bool { forms.contains(.email) }
    public func isLetter() -> Bool { forms.contains(.letter) }

    /// Does this document fit a claim paid by `role`?
    public func applies(to role: PaymasterRole) -> Bool { appliesTo?.contains(role) ?? true }

    /// Checks every tag against the variables PayChase provides.
    public func check(against schema: TemplateValue) -> [TemplateError] {
        var check = StrictCheck(file: file, mode: .schema)
        for part in parts { check.walk(part.tags, stack: [schema]) }
        return check.problems
    }

    /// The variables the template uses, as dotted names (`claim.amount`, `attempts.date`).
    public func variables(schema: TemplateValue) -> [String] {
        var names: [String] = []
        func collect(_ nodes: [TagNode], prefix: String) {
            for node in nodes {
                switch node {
                case .variable(let tag):
                    if tag.name != "." { names.append(prefix + tag.name) }
                case .section(let tag, _, let children):
                    names.append(prefix + tag.name)
                    let isList: Bool
                    if case .list? = StrictCheck(file: file, mode: .schema).resolve(tag, in: [schema]) { isList = true } else { isList = false }
                    collect(children, prefix: isList ? prefix + tag.name + "." : prefix)
                }
            }
        }
        for part in parts { collect(part.tags, prefix: "") }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }.sorted()
    }
}
