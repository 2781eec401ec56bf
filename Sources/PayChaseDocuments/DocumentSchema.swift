import PayChaseDomain

/// A context with every optional fact filled in: the variables a template may use.
public enum DocumentSchema {
    public static let value: TemplateValue = {
        let date = CalendarDate(year: 2013, month: 9, day: 30)!
        let contact = Contact(name: "Paymaster", email: "pay@example.org", address: ["1 Street"], person: "A Person", dear: "Ms Person")
        let practice = Practice(
            name: "Practice", odsCode: "A00000", contract: .gms, nhsBody: true, address: ["1 Road"], phone: "0",
            email: "practice@example.org", signatory: Signatory(name: "Name", role: "Role"), latePaymentProvision: "provision"
        )
        let profile = PracticeProfile(
            practice: practice, paymasters: [.nhsEngland: contact, .ccg: contact, .localAuthority: contact], lmc: contact,
            receipts: Receipts(read: true, delivery: true, to: "practice@example.org")
        )
        let claim = Claim(
            id: "X", service: "S", category: .des, period: "P", amount: Money(pence: 1), submittedOn: date,
            evidence: "E", evidenceSubmittedOn: date, reference: "R", notes: "N"
        )
        let context = DocumentContext(claim: claim, profile: profile, attempts: [Attempt(template: "chase", date: date)], today: date)
        return context.value(for: contact)
    }()
}
