/// One claim for payment, as the practice listed it.
public struct Claim: Sendable, Hashable, Codable {
    public var id: String
    public var service: String
    public var category: Category
    public var period: String
    public var amount: Money
    public var paid: Money
    public var submittedOn: CalendarDate
    public var dueOn: CalendarDate
    public var evidence: String?
    public var evidenceSubmittedOn: CalendarDate?
    public var paymaster: PaymasterRole
    public var reference: String?
    public var notes: String?
    /// Line in the claims file where this claim starts, for messages.
    public var line: Int

    /// Days a payment has to arrive when the file gives no due date.
    public static let defaultPaymentTerms = 30

    public init(
        id: String, service: String, category: Category, period: String, amount: Money, paid: Money = .zero,
        submittedOn: CalendarDate, dueOn: CalendarDate? = nil, evidence: String? = nil,
        evidenceSubmittedOn: CalendarDate? = nil, paymaster: PaymasterRole? = nil, reference: String? = nil,
        notes: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.service = service
        self.category = category
        self.period = period
        self.amount = amount
        self.paid = paid
        self.submittedOn = submittedOn
        self.dueOn = dueOn ?? submittedOn.adding(days: Self.defaultPaymentTerms)
        self.evidence = evidence
        self.evidenceSubmittedOn = evidenceSubmittedOn
        self.paymaster = paymaster ?? category.defaultPaymaster
        self.reference = reference
        self.notes = notes
        self.line = line
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
