import Foundation
import PayChaseDomain

/// A context with every optional fact filled in: the variables a template may use.
public enum DocumentSchema {
    public static let value: TemplateValue = {
        let date = CalendarDate(year: 2013, month: 9, day: 30)!
        let contact = Contact(name: "Paymaster", email: "pay@example.org", address: ["1 Street"], person: "A Person", dear: "Ms Person")
        let signatory = Signatory(name: "Name", role: "Role")
        var practice = Practice(
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
            disputeResolutionProvision: "provision",
            localResolutionProvision: "provision"
        )
        practice.partners = ["Partner"]
        let contract = Contract(
            id: "c",
            kind: .lcs,
            party: LegalEntity(name: "Party", noticeAddress: ["1 Street"]),
            nhsContract: false,
            disputeClause: "clause",
            latePaymentClause: "clause",
            invoicing: Invoicing(accountsPayableAddress: ["1 Street"], supplierNumber: "S", purchaseOrder: "P"),
            notices: NoticeDelivery(emailDays: 0, postDays: 2, clause: "clause")
        )
        let profile = PracticeProfile(
            practice: practice,
            contracts: [contract],
            commissioner: Commissioner(contact: contact, onBehalfOf: "NHS England"),
            paymasters: [.icb: contact, .nhsEngland: contact, .localAuthority: contact],
            lmc: contact,
            disputeResolution: contact,
            receipts: ReceiptRequests(read: true, delivery: true, to: "practice@example.org")
        )
        func claim(terms: PaymentTerms?) -> Claim {
            var claim = Claim(
                id: "X",
                service: "S",
                category: .des,
                period: "P",
                amount: Money(pence: 1),
                submittedOn: date,
                approvedOn: date,
                terms: terms,
                contract: contract,
                evidence: "E",
                evidenceSubmittedOn: date,
                reference: "R",
                invoiceRef: "I",
                poNumber: "P",
                invoiceDate: date,
                calculation: "C",
                notes: "N"
            )
            claim.evidenceFiles = ["F"]
            return claim
        }
        let rates = BankRateTable(
            changes: [.init(from: CalendarDate(year: 2000, month: 1, day: 1)!, basisPoints: 100)],
            source: "S",
            checkedThrough: CalendarDate(year: 2100, month: 1, day: 1)!
        )
        var feedback = ClaimFeedback()
        feedback.replied = date
        feedback.evidence = EvidenceProof(acceptedAt: Date(timeIntervalSince1970: 0), to: ["T"], messageID: "M", reply: "R", sha256: "S")
        feedback.payments = [RecordedPayment(amount: Money(pence: 1), receivedOn: date)]
        let given = EscalationLadder.withdrawnOnPayment.sorted().map { Attempt(template: $0, date: date, to: "T") }
        // A date the terms give (`due_terms`) and one assumed (`due_assumption`): never both in one claim.
        let values = [PaymentTerms.days(30), nil].map { terms in
            DocumentContext(
                claim: claim(terms: terms),
                profile: profile,
                attempts: [Attempt(template: "chase", date: date, to: "T")] + given,
                feedback: feedback,
                today: date.adding(days: 400),
                rates: rates
            ).value(for: contact)
        }
        return merged(values[0], values[1])
    }()

    /// Every field of either, objects merged key by key.
    private static func merged(_ first: TemplateValue, _ second: TemplateValue) -> TemplateValue {
        guard case .object(let one) = first, case .object(let other) = second else { return first }
        return .object(one.merging(other) { merged($0, $1) })
    }
}
