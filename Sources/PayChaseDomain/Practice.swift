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
    /// The partners by name, for the signature lines of their decision record; empty when not listed.
    public var partners: [String] = []
    /// The provision the late-payment notice cites; GMS has a verified default.
    public var latePaymentProvision: String?
    /// The provision under which a dispute goes to NHS dispute resolution; GMS has verified defaults.
    public var disputeResolutionProvision: String?
    /// The provision asking the parties to try to resolve a dispute locally first; GMS has a verified default.
    public var localResolutionProvision: String?

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
        disputeResolutionProvision: String? = nil,
        localResolutionProvision: String? = nil
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
        self.localResolutionProvision = localResolutionProvision
    }

    /// GMS, verified: regulation 81 (local resolution of contract disputes).
    public static let gmsLocalResolutionProvision =
        "regulation 81 of the National Health Service (General Medical Services Contracts) Regulations 2015"

    /// The provision a request for local resolution cites, if one is known for this contract.
    public var effectiveLocalResolutionProvision: String? {
        localResolutionProvision ?? (contract == .gms ? Self.gmsLocalResolutionProvision : nil)
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
