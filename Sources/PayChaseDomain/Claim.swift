/// One claim for payment, as the practice listed it.
public struct Claim: Sendable, Hashable, Codable {
    public var id: String
    public var service: String
    public var category: Category
    public var period: String
    public var amount: Money
    public var paid: Money
    public var submittedOn: CalendarDate
    /// When the commissioner approved the claim (on CQRS, say).
    public var approvedOn: CalendarDate?
    public var dueOn: CalendarDate
    /// Where `dueOn` came from: only a given or derived date can found a late-payment notice.
    public var dueBasis: DueBasis
    public var evidence: String?
    public var evidenceSubmittedOn: CalendarDate?
    public var paymaster: PaymasterRole
    /// The CQRS or paymaster reference.
    public var reference: String?
    /// An invoice or purchase-order number the paymaster asked for.
    public var invoiceRef: String?
    /// How the amount was worked out.
    public var calculation: String?
    public var notes: String?
    /// Line in the claims file where this claim starts, for messages.
    public var line: Int

    /// Days after the claim that PayChase assumes when neither a due date nor an approval is known.
    public static let assumedPaymentDays = 30

    public init(
        id: String,
        service: String,
        category: Category,
        period: String,
        amount: Money,
        paid: Money = .zero,
        submittedOn: CalendarDate,
        approvedOn: CalendarDate? = nil,
        dueOn: CalendarDate? = nil,
        terms: PaymentTerms? = nil,
        evidence: String? = nil,
        evidenceSubmittedOn: CalendarDate? = nil,
        paymaster: PaymasterRole? = nil,
        reference: String? = nil,
        invoiceRef: String? = nil,
        calculation: String? = nil,
        notes: String? = nil,
        line: Int = 0
    ) {
        self.id = id
        self.service = service
        self.category = category
        self.period = period
        self.amount = amount
        self.paid = paid
        self.submittedOn = submittedOn
        self.approvedOn = approvedOn
        if let dueOn {
            self.dueOn = dueOn
            dueBasis = .given
        } else if let approvedOn {
            self.dueOn = (terms ?? PaymentTerms.defaults(for: category.contract)).due(afterApproval: approvedOn)
            dueBasis = .approval
        } else {
            self.dueOn = submittedOn.adding(days: Self.assumedPaymentDays)
            dueBasis = .assumed
        }
        self.evidence = evidence
        self.evidenceSubmittedOn = evidenceSubmittedOn
        self.paymaster = paymaster ?? category.defaultPaymaster
        self.reference = reference
        self.invoiceRef = invoiceRef
        self.calculation = calculation
        self.notes = notes
        self.line = line
    }

    /// The contract the money is owed under.
    public var contract: ContractRoute { category.contract }

    public var outstanding: Money { amount - paid }

    /// Money is owed and the due date has passed.
    public func isOverdue(asOf date: CalendarDate) -> Bool {
        outstanding > .zero && date > dueOn
    }

    /// Days past the due date; zero when not yet due or nothing is owed.
    public func daysOverdue(asOf date: CalendarDate) -> Int {
        outstanding > .zero ? max(0, dueOn.days(until: date)) : 0
    }
}
