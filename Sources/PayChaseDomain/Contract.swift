/// One agreement the practice holds, as `contracts:` in the profile lists it: a claim is paid
/// under a particular one, and its routing, documents, interest and time limits follow from it.
public struct Contract: Sendable, Hashable {
    /// How claims name it (`contract` column), such as `gms` or `th-public-health`.
    public var id: String
    public var kind: ContractKind
    /// The other party, as a legal entity.
    public var party: LegalEntity
    /// An NHS contract under section 9 of the National Health Service Act 2006: not enforceable in
    /// the courts, its disputes go to NHS dispute resolution.
    public var nhsContract: Bool
    /// When a payment falls due after approval, as the agreement says; nil when it does not say.
    public var paymentTerms: PaymentTerms?
    /// The agreement's dispute clause, as the agreement cites it ("clause 14").
    public var disputeClause: String?
    /// The provision a late-payment notice under the agreement cites, where it has one.
    public var latePaymentClause: String?
    public var invoicing: Invoicing?
    /// Whether the agreement itself makes a substantial remedy for late payment; nil when the
    /// profile does not say. Only `false` lets a letter say the contract makes none.
    public var substantialRemedy: Bool?
    /// When a notice under the agreement counts as given; `.assumed` when the profile does not say.
    public var notices: NoticeDelivery

    public init(
        id: String,
        kind: ContractKind,
        party: LegalEntity,
        nhsContract: Bool,
        paymentTerms: PaymentTerms? = nil,
        disputeClause: String? = nil,
        latePaymentClause: String? = nil,
        invoicing: Invoicing? = nil,
        substantialRemedy: Bool? = nil,
        notices: NoticeDelivery = .assumed
    ) {
        self.id = id
        self.kind = kind
        self.party = party
        self.nhsContract = nhsContract
        self.paymentTerms = paymentTerms
        self.disputeClause = disputeClause
        self.latePaymentClause = latePaymentClause
        self.invoicing = invoicing
        self.substantialRemedy = substantialRemedy
        self.notices = notices
    }

    public var route: ContractRoute { kind.route }
}
