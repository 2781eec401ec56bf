import PayChaseDomain
import PayChaseJobs

/// A claim's facts as the claims file gives them, with the payments recorded counted as paid.
struct ClaimFacts: Sendable, Encodable {
    var id: String
    var service: String
    var category: String
    var period: String
    var amount: StatusJSON.Amount
    var paid: StatusJSON.Amount
    var outstanding: StatusJSON.Amount
    var submittedOn: String
    var approvedOn: String?
    var dueOn: String
    var dueBasis: String
    var evidence: String?
    var evidenceSubmittedOn: String?
    var paymaster: String
    var reference: String?
    var invoiceRef: String?
    var calculation: String?
    var notes: String?

    init(_ claim: Claim) {
        id = claim.id
        service = claim.service
        category = claim.category.rawValue
        period = claim.period
        amount = StatusJSON.Amount(claim.amount)
        paid = StatusJSON.Amount(claim.paid)
        outstanding = StatusJSON.Amount(claim.outstanding)
        submittedOn = claim.submittedOn.description
        approvedOn = claim.approvedOn?.description
        dueOn = claim.dueOn.description
        dueBasis = claim.dueBasis.rawValue
        evidence = claim.evidence
        evidenceSubmittedOn = claim.evidenceSubmittedOn?.description
        paymaster = claim.paymaster.rawValue
        reference = claim.reference
        invoiceRef = claim.invoiceRef
        calculation = claim.calculation
        notes = claim.notes
    }

    /// Label and value, for the page, in UK formats; facts not given are left out.
    static func lines(_ claim: Claim, status: StatusReport.Row) -> [(label: String, value: String)] {
        let due = claim.dueOn.formatted + (claim.dueBasis.assumedAs.map { " (assumed: \($0); confirm it)" } ?? "")
        var lines: [(String, String?)] = [
            ("Service", claim.service), ("Category", "\(claim.category.rawValue) (\(claim.category.longName))"), ("Period", claim.period),
            ("Paymaster", status.paymasterName), ("Amount claimed", claim.amount.formatted), ("Paid", claim.paid.formatted),
            ("Submitted on", claim.submittedOn.formatted), ("Approved on", claim.approvedOn?.formatted), ("Due on", due),
            ("Days overdue", status.daysOverdue > 0 ? "\(status.daysOverdue)" : nil),
            ("Statutory interest", status.interest.map { "\($0.interest.formatted) and the fixed sum of \($0.fixedSum.formatted)" }),
            ("Evidence", claim.evidence),
            // The record's proof, where an evidence submission went; else the date the claims file gives.
            ("Proof of submission", status.feedback.evidence.map { "Evidence \($0.sentence)." }),
            (
                "Evidence submitted on",
                status.feedback.evidence == nil
                    ? claim.evidenceSubmittedOn.map { "\($0.formatted) (as the claims file says; no email in the record proves it)" } : nil
            ),
            ("Evidence files", claim.evidenceFiles.isEmpty ? nil : claim.evidenceFiles.joined(separator: "; ")),
            ("Reference", claim.reference),
            ("Invoice ref", claim.invoiceRef), ("Calculation", claim.calculation), ("Notes", claim.notes),
            ("Came back", status.feedback.summary.isEmpty ? nil : status.feedback.summary),
        ]
        lines += status.limits.map { ("Time limit", "\($0.name): \($0.deadline.formatted)") }
        return lines.compactMap { label, value in value.map { (label, $0) } }
    }
}
