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
        /// The other party to the GP contract (the ICB for NHS England), at its address for notices.
        case commissioner
        /// The Secretary of State, through NHS Resolution's Primary Care Appeals.
        case disputeResolution = "dispute-resolution"
        /// The other party to the claim's own agreement, as a legal entity at its address for notices.
        case party
        /// The partners themselves: the document is their own minute, printed to be signed and kept,
        /// never sent.
        case partners

        /// Reads the names above; `nhs-england`, from templates written before ICBs, is the commissioner.
        init?(parsing text: String) {
            self.init(rawValue: text == "nhs-england" ? Self.commissioner.rawValue : text)
        }
    }

    /// Who signs: the practice's usual signatory, or a partner for and on behalf of the contractor.
    public enum Signer: String, Sendable, CaseIterable {
        case signatory
        case partner
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
    /// Only claims with one of these routes (`gp-contract`, `public-health`, `nhs-contract`,
    /// `private-law`) or paymasters; nil for any.
    public let appliesTo: [String]?
    public let signer: Signer
    /// The legislation.gov.uk (or other public) pages its citations were checked against.
    public let sources: [String]
    /// The email carries the letter as a PDF attachment.
    public let attachLetter: Bool
    let subject: Part?
    let heading: Part?
    /// A caution shown whenever the document is drafted, filled in for the claim.
    let warning: Part?
    let cc: [Part]
    let enclosures: [Part]
    let body: Part

    init(
        name: String,
        file: String,
        forms: [Form],
        recipient: Recipient,
        appliesTo: [String]?,
        signer: Signer,
        sources: [String],
        attachLetter: Bool,
        subject: Part?,
        heading: Part?,
        warning: Part?,
        cc: [Part],
        enclosures: [Part],
        body: Part
    ) {
        self.name = name
        self.file = file
        self.forms = forms
        self.recipient = recipient
        self.appliesTo = appliesTo
        self.signer = signer
        self.sources = sources
        self.attachLetter = attachLetter
        self.subject = subject
        self.heading = heading
        self.warning = warning
        self.cc = cc
        self.enclosures = enclosures
        self.body = body
    }

    var parts: [Part] { [subject, heading, warning].compactMap { $0 } + cc + enclosures + [body] }

    public func isEmail() -> Bool { forms.contains(.email) }
    public func isLetter() -> Bool { forms.contains(.letter) }

    /// The names `applies_to` may use.
    static let routeNames =
        ContractRoute.allCases.map(\.rawValue) + [ClaimRoute.nhsContract, ClaimRoute.privateLaw]
        + PaymasterRole.allCases.map(\.rawValue) + [PaymasterRole.formerCCG]

    /// Does this document fit this claim, by its contract route (or, in older templates, its paymaster)?
    public func applies(to claim: Claim, practice: Practice) -> Bool {
        guard let appliesTo else { return true }
        let tags = ClaimRoute.tags(of: claim, practice: practice)
        return appliesTo.contains { tags.contains(PaymasterRole(parsing: $0)?.rawValue ?? $0) }
    }

    /// "claims under the GP contract", for a message about a claim it does not fit.
    public var appliesToDescription: String {
        (appliesTo ?? []).map(ClaimRoute.describe).joined(separator: " or ")
    }

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
