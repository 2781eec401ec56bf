import PayChaseDomain

/// The data every template sees for one claim. Optional facts that are missing are left out,
/// so strict rendering can name them instead of printing a blank.
public struct DocumentContext: Sendable {
    public var claim: Claim
    public var profile: PracticeProfile
    public var attempts: [Attempt]
    public var today: CalendarDate
    public var ladder: EscalationLadder

    public init(claim: Claim, profile: PracticeProfile, attempts: [Attempt] = [], today: CalendarDate, ladder: EscalationLadder = .init()) {
        self.claim = claim
        self.profile = profile
        self.attempts = attempts
        self.today = today
        self.ladder = ladder
    }

    /// Who a document goes to: the claim's paymaster, NHS England, or the LMC.
    public func contact(for recipient: DocumentTemplate.Recipient) -> Contact? {
        switch recipient {
        case .paymaster: profile.paymasters[claim.paymaster]
        case .nhsEngland: profile.paymasters[.nhsEngland]
        case .lmc: profile.lmc
        }
    }

    /// The template data for a document addressed to `recipient`.
    public func value(for recipient: Contact) -> TemplateValue {
        var root = TemplateObject()
        root["today"] = today.formatted
        root.set("practice", practiceValue)
        root.set("claim", claimValue)
        if let paymaster = profile.paymasters[claim.paymaster] { root.set("paymaster", Self.contactValue(paymaster)) }
        if let england = profile.paymasters[.nhsEngland] { root.set("nhs_england", Self.contactValue(england)) }
        root.set("lmc", Self.contactValue(profile.lmc))
        root.set("recipient", Self.contactValue(recipient))
        root["salutation"] = recipient.salutation
        root["sign_off"] = recipient.signOff
        root.set("attempts", .list(attempts.sorted { $0.date < $1.date }.map(Self.attemptValue)))
        root.set("has_attempts", .flag(!attempts.isEmpty))
        root["attempt_count"] = String(attempts.count)
        var notice = TemplateObject()
        notice["earliest_termination"] = today.adding(days: ladder.noticeDays).formatted
        notice["days"] = String(ladder.noticeDays)
        root.set("notice", notice.value)
        var dispute = TemplateObject()
        let deadline = claim.dueOn.adding(years: ladder.disputeWindowYears)
        dispute["deadline"] = deadline.formatted
        dispute.set("in_time", .flag(today <= deadline))
        root.set("dispute", dispute.value)
        return root.value
    }

    private var practiceValue: TemplateValue {
        let practice = profile.practice
        var value = TemplateObject()
        value["name"] = practice.name
        value["ods_code"] = practice.odsCode
        value["contract"] = practice.contract.rawValue
        value["contract_name"] = practice.contract.longName
        value["address"] = practice.address.joined(separator: ", ")
        value["phone"] = practice.phone
        value["email"] = practice.email
        value["late_payment_provision"] = practice.effectiveLatePaymentProvision
        value.set("nhs_body", .flag(practice.nhsBody))
        var signatory = TemplateObject()
        signatory["name"] = practice.signatory.name
        signatory["role"] = practice.signatory.role
        value.set("signatory", signatory.value)
        return value.value
    }

    private var claimValue: TemplateValue {
        var value = TemplateObject()
        value["id"] = claim.id
        value["service"] = claim.service
        value["category"] = claim.category.rawValue
        value["category_name"] = claim.category.longName
        value["period"] = claim.period
        value["amount"] = claim.amount.formatted
        value["paid"] = claim.paid.formatted
        value["outstanding"] = claim.outstanding.formatted
        value.set("part_paid", .flag(claim.paid > .zero))
        value["submitted_on"] = claim.submittedOn.formatted
        value["due_on"] = claim.dueOn.formatted
        value["days_overdue"] = String(claim.daysOverdue(asOf: today))
        value["evidence"] = claim.evidence
        value["evidence_submitted_on"] = claim.evidenceSubmittedOn?.formatted
        value["reference"] = claim.reference
        value["notes"] = claim.notes
        return value.value
    }

    static func contactValue(_ contact: Contact) -> TemplateValue {
        var value = TemplateObject()
        value["name"] = contact.name
        value["email"] = contact.email
        value["address"] = contact.address.joined(separator: ", ")
        value["person"] = contact.person
        return value.value
    }

    static func attemptValue(_ attempt: Attempt) -> TemplateValue {
        var value = TemplateObject()
        value["date"] = attempt.date.formatted
        value["template"] = attempt.template
        value["document"] = DocumentName.describe(attempt.template)
        return value.value
    }
}

extension DocumentName {
    /// How a letter refers to an earlier document: "payment query".
    static func describe(_ template: String) -> String {
        switch template {
        case chase: "payment query"
        case appeal: "payment appeal"
        case lmcReferral: "referral to the LMC"
        case latePaymentNotice: "late-payment notice"
        case formalComplaint: "formal complaint"
        case disputeResolution: "request for dispute resolution"
        default: template
        }
    }
}
