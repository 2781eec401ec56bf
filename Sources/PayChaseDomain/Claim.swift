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
    /// The agreement the claim is paid under, as placed when the claims were read.
    public var placement: ContractPlacement
    public var evidence: String?
    public var evidenceSubmittedOn: CalendarDate?
    /// The evidence files, as the claims file names them (paths beside it), that an
    /// evidence submission attaches.
    public var evidenceFiles: [String] = []
    public var paymaster: PaymasterRole
    /// The CQRS or paymaster reference.
    public var reference: String?
    /// The practice's invoice number, where it sent an invoice.
    public var invoiceRef: String?
    /// The paymaster's purchase-order number the work was done under.
    public var poNumber: String?
    /// When the invoice was sent, where one was: the purchaser's notice of the amount.
    public var invoiceDate: CalendarDate?
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
        contract: Contract? = nil,
        evidence: String? = nil,
        evidenceSubmittedOn: CalendarDate? = nil,
        paymaster: PaymasterRole? = nil,
        reference: String? = nil,
        invoiceRef: String? = nil,
        poNumber: String? = nil,
        invoiceDate: CalendarDate? = nil,
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
        placement = contract.map(ContractPlacement.init) ?? ContractPlacement(category: category)
        if let dueOn {
            self.dueOn = dueOn
            dueBasis = .given
        } else if let approvedOn {
            let agreed = terms ?? contract?.paymentTerms
            self.dueOn = (agreed ?? PaymentTerms.defaults(for: placement.route)).due(afterApproval: approvedOn)
            dueBasis = agreed == nil ? .assumedAfterApproval : .approval
        } else {
            self.dueOn = submittedOn.adding(days: Self.assumedPaymentDays)
            dueBasis = .assumed
        }
        self.evidence = evidence
        self.evidenceSubmittedOn = evidenceSubmittedOn
        self.paymaster = paymaster ?? category.defaultPaymaster
        self.reference = reference
        self.invoiceRef = invoiceRef
        self.poNumber = poNumber
        self.invoiceDate = invoiceDate
        self.calculation = calculation
        self.notes = notes
        self.line = line
    }

    /// The route its escalation takes, from the agreement the money is owed under.
    public var route: ContractRoute { placement.route }

    /// Whether the agreement is an NHS contract: the placed contract says. Not placed, a GP
    /// contract claim takes the practice's own status and a public-health claim is a council's
    /// (never an NHS contract); a local service no agreement places is unknown (nil), so neither
    /// an NHS nor a private-law step is proposed for it.
    public func isNHSContract(practice: Practice) -> Bool? {
        if let nhs = placement.nhsContract { return nhs }
        switch route {
        case .gpContract: return practice.nhsBody
        case .publicHealth: return false
        case .localService: return nil
        }
    }

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
