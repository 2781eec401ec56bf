import PayChaseDomain

/// The data every template sees for one claim. Optional facts that are missing are left out,
/// so strict rendering can name them instead of printing a blank.
public struct DocumentContext: Sendable {
    public var claim: Claim
    public var profile: PracticeProfile
    /// What the record shows was sent or posted about this claim.
    public var attempts: [Attempt]
    /// What came back about this claim's emails (replies, receipts, bounces), as recorded.
    public var feedback: ClaimFeedback
    public var today: CalendarDate
    public var ladder: EscalationLadder
    /// Bank Rate history, for statutory interest; without it no interest is worked out.
    public var rates: BankRateTable?
    /// What comes from the profile alone, made once for a batch of claims instead of per claim.
    public var shared: ProfileValues?

    /// The practice, commissioner, LMC and dispute body as templates see them: the same for every claim.
    public struct ProfileValues: Sendable {
        var practice: TemplateValue
        var commissioner: TemplateValue
        var lmc: TemplateValue
        var disputeBody: TemplateValue?
        /// Each paymaster's and each agreement's, as `paymaster` and `contract` give them.
        var paymasters: [PaymasterRole: TemplateValue]
        var contracts: [String: TemplateValue]
    }

    /// `profile`'s values, to share between the contexts of many claims.
    public static func sharedValues(_ profile: PracticeProfile, today: CalendarDate) -> ProfileValues {
        let context = DocumentContext(
            claim: Claim(id: "-", service: "-", category: .des, period: "-", amount: .zero, submittedOn: today),
            profile: profile,
            today: today
        )
        return ProfileValues(
            practice: context.practiceValue,
            commissioner: context.commissionerValue,
            lmc: contactValue(profile.lmc),
            disputeBody: profile.disputeResolution.map(contactValue),
            paymasters: profile.paymasters.mapValues(contactValue),
            contracts: Dictionary(profile.contracts.map { ($0.id, contractValue($0)) }) { first, _ in first }
        )
    }

    public init(
        claim: Claim,
        profile: PracticeProfile,
        attempts: [Attempt] = [],
        feedback: ClaimFeedback = .init(),
        today: CalendarDate,
        ladder: EscalationLadder = .init(),
        rates: BankRateTable? = nil
    ) {
        self.claim = claim
        self.profile = profile
        self.attempts = attempts
        self.feedback = feedback
        self.today = today
        self.ladder = ladder
        self.rates = rates
    }

    /// Who a document goes to: the claim's paymaster, the commissioner, the LMC, NHS Resolution,
    /// or the other party to the claim's agreement.
    public func contact(for recipient: DocumentTemplate.Recipient) -> Contact? {
        switch recipient {
        // Under an agreement of kind other (a federation's subcontract, say), its party pays.
        case .paymaster: contract?.kind == .other ? partyContact : profile.paymasters[claim.paymaster]
        case .commissioner: profile.commissioner.contact
        case .lmc: profile.lmc
        case .disputeResolution: profile.disputeResolution
        case .party: partyContact
        case .partners:
            Contact(name: profile.practice.contractor ?? profile.practice.name, email: profile.practice.email, address: profile.practice.address)
        }
    }

    /// The claim's agreement's other party, at its address for notices; its email, or else the
    /// paymaster's, carries the copy by email. An `other` agreement's party is not a paymaster
    /// the profile knows, so only its own email will do.
    private var partyContact: Contact? {
        let paymaster = contract?.kind == .other ? nil : profile.paymasters[claim.paymaster]?.email
        guard let contract, let email = contract.party.email ?? paymaster else { return nil }
        return Contact(name: contract.party.name, email: email, address: contract.party.noticeAddress)
    }

    /// The profile's contacts that a document's cc list names, other than its recipient, once each.
    func contacts(named names: [String], besides recipient: Contact) -> [Contact] {
        let known = [profile.lmc, profile.commissioner.contact] + [profile.paymasters[claim.paymaster], profile.disputeResolution].compactMap { $0 }
        var seen: Set<String> = [recipient.email.lowercased()]
        return names.compactMap { name in known.first { $0.name == name } }.filter { seen.insert($0.email.lowercased()).inserted }
    }

    /// The profile setting that supplies a recipient, for a message when it is missing.
    public static func setting(for recipient: DocumentTemplate.Recipient, claim: Claim) -> String {
        switch recipient {
        case .paymaster: "paymasters.\(claim.paymaster.rawValue)"
        case .commissioner: "commissioner"
        case .lmc: "lmc"
        case .disputeResolution: "dispute_resolution"
        case .party: "contracts: entry for the claim's agreement (its party, with notice_address, and email for an agreement of kind other)"
        case .partners: "practice"
        }
    }

    /// Days a letter before claim gives for payment or a full reply.
    public static let preActionReplyDays = 30

    /// The agreement the claim is paid under, when one placed it.
    public var contract: Contract? { claim.placement.contractID.flatMap { profile.contract(id: $0) } }

    /// The LMC has been asked to help: later documents copy it in.
    public var lmcInvolved: Bool { attempts.contains { $0.template == DocumentName.lmcReferral } }

    /// Why statutory interest that applies to the claim cannot be worked out: the Bank Rate table
    /// has no rate for its reference date (never assumed unchanged). Nil when it can, or none runs.
    public var interestProblem: String? {
        guard let rates, claim.outstanding > .zero, StatutoryInterest.applies(to: claim, practice: profile.practice) else { return nil }
        let starts = RelevantDay(for: claim).day.adding(days: 1)
        guard today >= starts else { return nil }
        return rates.missingRate(on: StatutoryInterest.referenceDate(before: starts), table: "Templates/bank-rate.csv")
    }

    /// Statutory interest, where the Late Payment Act applies to the claim's contract.
    public var interest: StatutoryInterest? {
        guard let rates else { return nil }
        return StatutoryInterest(accruedOn: claim, practice: profile.practice, asOf: today, rates: rates)
    }

    /// The template data for a document addressed to `recipient`; without one, all but the
    /// names that depend on who it goes to (`recipientNames`).
    public func value(for recipient: Contact?) -> TemplateValue {
        var root = TemplateObject(capacity: 40)
        root["today"] = today.formatted
        root["reply_by"] = today.adding(days: profile.replyDays).formatted
        root["pre_action_reply_by"] = today.adding(days: Self.preActionReplyDays).formatted
        root.set("practice", shared?.practice ?? practiceValue)
        root.set("claim", claimValue)
        root.set("commissioner", shared?.commissioner ?? commissionerValue)
        if let contract { root.set("contract", shared?.contracts[contract.id] ?? Self.contractValue(contract)) }
        // Under an agreement of kind other, its party is the paymaster: not one the profile lists.
        if contract?.kind != .other, let paymaster = shared?.paymasters[claim.paymaster] {
            root.set("paymaster", paymaster)
        } else if let paymaster = contact(for: .paymaster) {
            root.set("paymaster", Self.contactValue(paymaster))
        }
        root.set("lmc", shared?.lmc ?? Self.contactValue(profile.lmc))
        root.set("lmc_involved", .flag(lmcInvolved))
        root.set("local_resolution_tried", .flag(attempts.contains { $0.template == DocumentName.localResolution }))
        if let body = shared.map(\.disputeBody) ?? profile.disputeResolution.map(Self.contactValue) { root.set("dispute_body", body) }
        if let recipient { for (name, value) in Self.recipientFields(recipient) { root.set(name, value) } }
        let sorted = attempts.sorted { $0.date < $1.date }
        root.set("attempts", .list(sorted.map(Self.attemptValue)))
        root.set("has_attempts", .flag(!attempts.isEmpty))
        root["attempt_count"] = String(attempts.count)
        root.set("has_replies", .flag(feedback.replied != nil))
        // The record's proof of the evidence going, cited in place of the typed date.
        root["evidence_proof"] = feedback.evidence?.sentence
        root.set("given", givenValue)
        if let payment = feedback.payments.last {
            var last = TemplateObject()
            last["amount"] = payment.amount.formatted
            last["received_on"] = payment.receivedOn.formatted
            root.set("last_payment", last.value)
        }
        root["replied_on"] = feedback.replied?.formatted
        root.set("notice", noticeValue)
        root.set("decision", decisionValue)
        root.set("dispute", limitValue(deadline: ladder.disputeDeadline(for: claim)))
        root.set("complaint", limitValue(deadline: ladder.complaintDeadline(for: claim)))
        if let interest { root.set("interest", Self.interestValue(interest, rates: rates!)) }
        return root.value
    }

    /// The day each document a payment withdraws was last given, by its name with underscores
    /// (`given.late_payment_notice`), and `given.any`.
    private var givenValue: TemplateValue {
        var given = TemplateObject()
        var any = false
        for name in EscalationLadder.withdrawnOnPayment {
            guard let last = attempts.filter({ $0.template == name }).map(\.date).max() else { continue }
            given[name.split(separator: "-").joined(separator: "_")] = last.formatted
            any = true
        }
        given.set("any", .flag(any))
        return given.value
    }

    private var noticeValue: TemplateValue {
        var notice = TemplateObject()
        // Sent today by email and by post, given on the day the agreement deems (the later of the two unless it says otherwise).
        let delivery = claim.placement.notices
        let given = delivery.givenOn([(.email, today), (.post, today)]) ?? today
        notice["given_on"] = given.formatted
        notice["earliest_termination"] = ladder.earliestTermination(afterNoticeGiven: given).formatted
        notice["days"] = String(ladder.noticeDays)
        notice["deemed"] = delivery.description
        notice["deemed_clause"] = delivery.clause
        notice["recorded_given_on"] = ladder.noticeGiven(for: claim, attempts: attempts)?.formatted
        return notice.value
    }

    /// The serious step a partners' decision record is for: the late-payment notice under the GP
    /// contract until one is given, else the letter before claim.
    private var decisionValue: TemplateValue {
        var decision = TemplateObject()
        let step = PartnersDecision.step(for: claim, attempts: attempts)
        decision["step"] = step
        decision["step_name"] = DocumentName.describe(step)
        decision.set("notice", .flag(step == DocumentName.latePaymentNotice))
        decision.set("letter_before_claim", .flag(step == DocumentName.letterBeforeClaim))
        return decision.value
    }

    private func limitValue(deadline: CalendarDate) -> TemplateValue {
        var value = TemplateObject()
        value["deadline"] = deadline.formatted
        value.set("in_time", .flag(today <= deadline))
        value.set("out_of_time", .flag(today > deadline))
        return value.value
    }

    private var practiceValue: TemplateValue {
        let practice = profile.practice
        var value = TemplateObject()
        value["name"] = practice.name
        value["contractor"] = practice.contractor
        value["ods_code"] = practice.odsCode
        value["contract"] = practice.contract.rawValue
        value["contract_name"] = practice.contract.longName
        value["address"] = practice.address.joined(separator: ", ")
        value["phone"] = practice.phone
        value["email"] = practice.email
        value["late_payment_provision"] = practice.effectiveLatePaymentProvision
        value["dispute_resolution_provision"] = practice.effectiveDisputeResolutionProvision
        value["local_resolution_provision"] = practice.effectiveLocalResolutionProvision
        value.set("nhs_body", .flag(practice.nhsBody))
        value.set("gms", .flag(practice.contract == .gms))
        value.set("signatory", Self.signatoryValue(practice.signatory))
        if let partner = practice.partner { value.set("partner", Self.signatoryValue(partner)) }
        value.set(
            "partners",
            .list(
                practice.partners.map { name in
                    var partner = TemplateObject()
                    partner["name"] = name
                    return partner.value
                }
            )
        )
        value.set("has_partners", .flag(!practice.partners.isEmpty))
        return value.value
    }

    private var commissionerValue: TemplateValue {
        let commissioner = profile.commissioner
        var value = TemplateObject()
        value["name"] = commissioner.contact.name
        value["on_behalf_of"] = commissioner.onBehalfOf
        value["email"] = commissioner.contact.email
        value["address"] = commissioner.contact.address.joined(separator: ", ")
        return value.value
    }

    private var claimValue: TemplateValue {
        var value = TemplateObject(capacity: 48)
        value["id"] = claim.id
        value["service"] = claim.service
        value["category"] = claim.category.rawValue
        value["category_name"] = claim.category.longName
        value["period"] = claim.period
        value["amount"] = claim.amount.formatted
        value["paid"] = claim.paid.formatted
        value["outstanding"] = claim.outstanding.formatted
        value.set("part_paid", .flag(claim.paid > .zero))
        value.set("settled", .flag(claim.outstanding <= .zero))
        value.set("gp_contract", .flag(claim.route == .gpContract))
        value.set("local_service", .flag(claim.route == .localService))
        value.set("public_health", .flag(claim.route == .publicHealth))
        value["submitted_on"] = claim.submittedOn.formatted
        value["approved_on"] = claim.approvedOn?.formatted
        value["due_on"] = claim.dueOn.formatted
        value.set("due_assumed", .flag(claim.dueBasis.isAssumed))
        value["due_assumption"] = claim.dueBasis.assumedAs
        if claim.dueBasis == .approval {
            value["due_terms"] = (contract?.paymentTerms ?? profile.terms(for: claim.route)).description
        }
        value["days_overdue"] = String(claim.daysOverdue(asOf: today))
        value["evidence"] = claim.evidence
        value["evidence_submitted_on"] = claim.evidenceSubmittedOn?.formatted
        value.set(
            "evidence_files",
            .list(
                claim.evidenceFiles.map { file in
                    var item = TemplateObject()
                    item["name"] = String(file.split(separator: "/").last ?? Substring(file))
                    return item.value
                }
            )
        )
        value.set("has_evidence_files", .flag(!claim.evidenceFiles.isEmpty))
        value["reference"] = claim.reference
        value["invoice_ref"] = claim.invoiceRef
        value["invoice_date"] = claim.invoiceDate?.formatted
        value["po_number"] = claim.poNumber
        value["calculation"] = claim.calculation
        value["notes"] = claim.notes
        return value.value
    }

    /// The agreement: `contract.name` ("General Medical Services contract"), its party, clauses.
    static func contractValue(_ contract: Contract) -> TemplateValue {
        var value = TemplateObject()
        value["id"] = contract.id
        value["name"] = contract.kind.longName
        value["party"] = contract.party.name
        value["party_address"] = contract.party.noticeAddress.joined(separator: ", ")
        value["dispute_clause"] = contract.disputeClause
        value["late_payment_clause"] = contract.latePaymentClause
        value.set("nhs", .flag(contract.nhsContract))
        value.set("core", .flag(contract.kind.isCore))
        value.set("no_substantial_remedy", .flag(contract.substantialRemedy == false))
        if let invoicing = contract.invoicing {
            if !invoicing.accountsPayableAddress.isEmpty {
                value["accounts_payable_address"] = invoicing.accountsPayableAddress.joined(separator: ", ")
            }
            value["supplier_number"] = invoicing.supplierNumber
            value["purchase_order"] = invoicing.purchaseOrder
        }
        return value.value
    }

    /// The names `value(for:)` gives that depend on who the document is to; everything else
    /// is the same whoever it goes to.
    public static let recipientNames: Set<String> = ["recipient", "salutation", "sign_off"]

    /// Those names' values for `recipient`.
    public static func recipientFields(_ recipient: Contact) -> [(String, TemplateValue)] {
        var fields: [(String, TemplateValue)] = [("recipient", contactValue(recipient))]
        var texts = TemplateObject()
        texts["salutation"] = recipient.salutation
        texts["sign_off"] = recipient.signOff
        if case .object(let set) = texts.value { fields += set.map { ($0.key, $0.value) } }
        return fields
    }

    static func contactValue(_ contact: Contact) -> TemplateValue {
        var value = TemplateObject()
        value["name"] = contact.name
        value["email"] = contact.email
        value["address"] = contact.address.joined(separator: ", ")
        value["person"] = contact.person
        return value.value
    }

    static func signatoryValue(_ signatory: Signatory) -> TemplateValue {
        var value = TemplateObject()
        value["name"] = signatory.name
        value["role"] = signatory.role
        return value.value
    }

    static func attemptValue(_ attempt: Attempt) -> TemplateValue {
        var value = TemplateObject()
        value["date"] = attempt.date.formatted
        value["template"] = attempt.template
        value["document"] = DocumentName.describe(attempt.template)
        value["method"] = attempt.method == .email ? "by email" : "by post"
        value["to"] = attempt.to
        return value.value
    }

    static func interestValue(_ interest: StatutoryInterest, rates: BankRateTable) -> TemplateValue {
        var value = TemplateObject()
        value["debt"] = interest.debt.formatted
        value["from"] = interest.from.formatted
        value["continues_from"] = interest.continuesFrom.formatted
        if let relevant = interest.relevantDay {
            value["relevant_day"] = relevant.day.formatted
            value["relevant_day_is"] = relevant.explanation
        }
        value["to"] = interest.to.formatted
        value["days"] = String(interest.days)
        value["reference_date"] = interest.referenceDate.formatted
        value["bank_rate"] = interest.bankRateBasisPoints.percentText
        value["rate"] = interest.rateBasisPoints.percentText
        value["daily"] = interest.dailyInterest.formatted
        value["amount"] = interest.interest.formatted
        value["fixed_sum"] = interest.fixedSum.formatted
        value["total"] = interest.total.formatted
        value["rates_source"] = rates.source
        return value.value
    }
}

extension DocumentName {
    /// How a letter refers to an earlier document: "payment query".
    public static func describe(_ template: String) -> String {
        switch template {
        case chase: "payment query"
        case appeal: "payment appeal"
        case lmcReferral: "request for support to the LMC"
        case latePaymentNotice: "late-payment notice"
        case formalComplaint: "formal complaint"
        case localResolution: "request to resolve the dispute locally"
        case disputeResolution: "request for dispute resolution"
        case letterBeforeClaim: "letter before claim"
        case paymentAcknowledgement: "acknowledgement of payment"
        case partnersDecision: "partners' decision record"
        default: template
        }
    }
}
