/// Everything `paychase.yaml` says about the practice and the people it writes to.
public struct PracticeProfile: Sendable, Hashable {
    public var practice: Practice
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

    public init(
        practice: Practice,
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
}
