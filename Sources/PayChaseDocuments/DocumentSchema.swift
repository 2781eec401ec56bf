import PayChaseDomain

/// A context with every optional fact filled in: the variables a template may use.
public enum DocumentSchema {
    public static let value: TemplateValue = {
        let date = CalendarDate(year: 2013, month: 9, day: 30)!
        let contact = Contact(name: "Paymaster", email: "pay@example.org", address: ["1 Street"], person: "A Person", dear: "Ms Person")
        let signatory = Signatory(name: "Name", role: "Role")
        let practice = Practice(
            name: "Practice",
            odsCode: "A00000",
            contract: .gms,
            nhsBody: false,
            address: ["1 Road"],
            phone: "0",
            email: "practice@example.org",
            signatory: signatory,
            contractor: "Contractor",
            partner: signatory,
            latePaymentProvision: "provision",
            disputeResolutionProvision: "provision"
        )
        let profile = PracticeProfile(
            practice: practice,
            commissioner: Commissioner(contact: contact, onBehalfOf: "NHS England"),
            paymasters: [.icb: contact, .nhsEngland: contact, .localAuthority: contact],
            lmc: contact,
            disputeResolution: contact,
            receipts: ReceiptRequests(read: true, delivery: true, to: "practice@example.org")
        )
        let claim = Claim(
            id: "X",
            service: "S",
            category: .des,
            period: "P",
            amount: Money(pence: 1),
            submittedOn: date,
            approvedOn: date,
            evidence: "E",
            evidenceSubmittedOn: date,
            reference: "R",
            invoiceRef: "I",
            calculation: "C",
            notes: "N"
        )
        let rates = BankRateTable(changes: [.init(from: CalendarDate(year: 2000, month: 1, day: 1)!, basisPoints: 100)], source: "S")
        var feedback = ClaimFeedback()
        feedback.replied = date
        let context = DocumentContext(
            claim: claim,
            profile: profile,
            attempts: [Attempt(template: "chase", date: date, to: "T")],
            feedback: feedback,
            today: date.adding(days: 400),
            rates: rates
        )
        return context.value(for: contact)
    }()
}
