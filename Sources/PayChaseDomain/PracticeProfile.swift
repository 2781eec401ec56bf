/// Everything `paychase.yaml` says about the practice and the people it writes to.
public struct PracticeProfile: Sendable, Hashable {
    public var practice: Practice
    /// The agreements the practice holds: its core GP contract first, then any local or council ones.
    public var contracts: [Contract]
    /// The other party to the GP contract: the ICB acting for NHS England.
    public var commissioner: Commissioner
    public var paymasters: [PaymasterRole: Contact]
    public var lmc: Contact
    /// Where a request for NHS dispute resolution is sent: NHS Resolution's Primary Care Appeals,
    /// for the Secretary of State. Its address is the practice's to confirm, so it has no default.
    public var disputeResolution: Contact?
    public var paymentTerms: [ContractRoute: PaymentTerms]
    /// Days a document gives the reader to reply.
    public var replyDays: Int
    public var receipts: ReceiptRequests
    /// What an hour of each role costs, for the service value review; optional.
    public var costs: StaffCosts?
    /// `costs.overdraft_rate`: what waiting for money costs the practice; nil when not given.
    public var overdraftRate: OverdraftRate?
    /// Where evidence files, which may identify patients, may be emailed, and how big an email
    /// the mail server takes.
    public var evidenceMail = EvidenceMailRules()

    public init(
        practice: Practice,
        contracts: [Contract]? = nil,
        commissioner: Commissioner,
        paymasters: [PaymasterRole: Contact],
        lmc: Contact,
        disputeResolution: Contact? = nil,
        paymentTerms: [ContractRoute: PaymentTerms] = [:],
        replyDays: Int = 14,
        receipts: ReceiptRequests,
        costs: StaffCosts? = nil
    ) {
        self.practice = practice
        self.contracts = contracts ?? Self.contracts(practice: practice, commissioner: commissioner, paymasters: paymasters, terms: paymentTerms)
        self.commissioner = commissioner
        self.paymasters = paymasters
        self.lmc = lmc
        self.disputeResolution = disputeResolution
        self.paymentTerms = paymentTerms
        self.replyDays = replyDays
        self.receipts = receipts
        self.costs = costs
    }

    /// The payment terms for claims under `route`: the profile's, or the stated default.
    public func terms(for route: ContractRoute) -> PaymentTerms {
        paymentTerms[route] ?? PaymentTerms.defaults(for: route)
    }

    /// The contract with this id.
    public func contract(id: String) -> Contract? { contracts.first { $0.id == id } }

    /// The practice's core GP contract (GMS, PMS or APMS).
    public var coreContract: Contract? { contracts.first { $0.kind.isCore } }

    /// The contract a claim that names none is paid under: the core contract for QOF and DESs,
    /// the one contract of the matching kind for an LES or public health; nil when there is no
    /// such contract, or several and the claim must say which.
    public func defaultContract(for category: Category) -> Contract? {
        let fitting = contracts.filter { category.defaultContractKinds.contains($0.kind) }
        return fitting.count == 1 ? fitting[0] : nil
    }

    /// The agreements of a profile written before `contracts:`: the core contract from
    /// `practice:` with the commissioner as the other party, and the council's public-health
    /// contract when a local authority pays.
    public static func contracts(
        practice: Practice,
        commissioner: Commissioner,
        paymasters: [PaymasterRole: Contact],
        terms: [ContractRoute: PaymentTerms]
    ) -> [Contract] {
        let kind = ContractKind(practice.contract)
        var contracts = [
            Contract(
                id: kind.rawValue,
                kind: kind,
                party: LegalEntity(name: commissioner.contact.name, noticeAddress: commissioner.contact.address, email: commissioner.contact.email),
                nhsContract: practice.nhsBody,
                paymentTerms: terms[.gpContract],
                disputeClause: practice.disputeResolutionProvision,
                latePaymentClause: practice.latePaymentProvision
            )
        ]
        if let council = paymasters[.localAuthority] {
            contracts.append(
                Contract(
                    id: ContractKind.publicHealth.rawValue,
                    kind: .publicHealth,
                    party: LegalEntity(name: council.name, noticeAddress: council.address, email: council.email),
                    nhsContract: false,
                    paymentTerms: terms[.publicHealth]
                )
            )
        }
        return contracts
    }
}
