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
    public var receipts: Receipts
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
        receipts: Receipts,
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

/// The commissioner of the GP contract: an ICB acting for NHS England under delegation.
public struct Commissioner: Sendable, Hashable {
    /// Name, email and the address where contract notices are served.
    public var contact: Contact
    /// The body it acts for ("NHS England").
    public var onBehalfOf: String?

    public init(contact: Contact, onBehalfOf: String?) {
        self.contact = contact
        self.onBehalfOf = onBehalfOf
    }
}

/// The GP contract a practice holds.
public enum ContractType: String, Sendable, CaseIterable, Hashable {
    case gms = "GMS"
    case pms = "PMS"
    case apms = "APMS"

    public var longName: String {
        switch self {
        case .gms: "General Medical Services contract"
        case .pms: "Personal Medical Services agreement"
        case .apms: "Alternative Provider Medical Services contract"
        }
    }
}

public struct Practice: Sendable, Hashable {
    public var name: String
    public var odsCode: String
    public var contract: ContractType
    /// True when the contract makes the practice a health service body (NHS contract, not private law).
    public var nhsBody: Bool
    public var address: [String]
    public var phone: String
    public var email: String
    public var signatory: Signatory
    /// The contractor as the contract names it (the partners, or the company); it gives contract notices.
    public var contractor: String?
    /// The partner who signs notices for and on behalf of the contractor.
    public var partner: Signatory?
    /// The provision the late-payment notice cites; GMS has a verified default.
    public var latePaymentProvision: String?
    /// The provision under which a dispute goes to NHS dispute resolution; GMS has verified defaults.
    public var disputeResolutionProvision: String?

    /// The GMS provision, verified: NHS (General Medical Services Contracts) Regulations 2015, Sch. 3 para 63.
    public static let gmsLatePaymentProvision =
        "paragraph 63 of Schedule 3 to the National Health Service (General Medical Services Contracts) Regulations 2015"

    public init(
        name: String,
        odsCode: String,
        contract: ContractType,
        nhsBody: Bool,
        address: [String],
        phone: String,
        email: String,
        signatory: Signatory,
        contractor: String? = nil,
        partner: Signatory? = nil,
        latePaymentProvision: String? = nil,
        disputeResolutionProvision: String? = nil
    ) {
        self.name = name
        self.odsCode = odsCode
        self.contract = contract
        self.nhsBody = nhsBody
        self.address = address
        self.phone = phone
        self.email = email
        self.signatory = signatory
        self.contractor = contractor
        self.partner = partner
        self.latePaymentProvision = latePaymentProvision
        self.disputeResolutionProvision = disputeResolutionProvision
    }

    /// The citation to use in a late-payment notice, if one is known for this contract.
    public var effectiveLatePaymentProvision: String? {
        latePaymentProvision ?? (contract == .gms ? Self.gmsLatePaymentProvision : nil)
    }

    /// GMS, verified: regulation 83 is the NHS dispute resolution procedure; regulation 82 lets a
    /// contractor whose contract is not an NHS contract refer a dispute to the Secretary of State.
    public static let gmsDisputeProvision =
        "regulation 83 of the National Health Service (General Medical Services Contracts) Regulations 2015"
    public static let gmsNonNHSDisputeProvision =
        "regulations 82 and 83 of the National Health Service (General Medical Services Contracts) Regulations 2015"
    /// PMS, verified for agreements that are not NHS contracts only.
    public static let pmsNonNHSDisputeProvision =
        "regulation 75 of the National Health Service (Personal Medical Services Agreements) Regulations 2015"

    /// The provision a request for dispute resolution cites, if one is verified for this contract.
    public var effectiveDisputeResolutionProvision: String? {
        if let disputeResolutionProvision { return disputeResolutionProvision }
        switch (contract, nhsBody) {
        case (.gms, true): return Self.gmsDisputeProvision
        case (.gms, false): return Self.gmsNonNHSDisputeProvision
        case (.pms, false): return Self.pmsNonNHSDisputeProvision
        default: return nil
        }
    }
}

public struct Signatory: Sendable, Hashable {
    public var name: String
    public var role: String
    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }
}

/// A body the practice writes to: a paymaster or the LMC.
public struct Contact: Sendable, Hashable {
    public var name: String
    public var email: String
    public var address: [String]
    /// A named person to write to, as the address block shows them ("Ms Anne Smith").
    public var person: String?
    /// How to greet them ("Ms Smith"); without a person, letters open "Dear Sir or Madam".
    public var dear: String?

    public init(name: String, email: String, address: [String] = [], person: String? = nil, dear: String? = nil) {
        self.name = name
        self.email = email
        self.address = address
        self.person = person
        self.dear = dear
    }

    /// "Dear Ms Smith" to a named person, otherwise "Dear Sir or Madam".
    public var salutation: String {
        if let dear { return "Dear \(dear)" }
        if let person { return "Dear \(person)" }
        return "Dear Sir or Madam"
    }

    /// "Yours sincerely" after a name, "Yours faithfully" after "Dear Sir or Madam".
    public var signOff: String {
        dear == nil && person == nil ? "Yours faithfully" : "Yours sincerely"
    }
}

/// Which receipts to ask for, and where they go.
public struct Receipts: Sendable, Hashable {
    public var read: Bool
    public var delivery: Bool
    public var to: String

    public init(read: Bool, delivery: Bool, to: String) {
        self.read = read
        self.delivery = delivery
        self.to = to
    }
}
