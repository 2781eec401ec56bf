import PayChaseDomain

/// The columns a claim list may have (DESIGN.md, "Claims").
enum ClaimColumn: String, CSVColumn {
    case claimID = "claim_id"
    case service, category, period, amount, paid
    case submittedOn = "submitted_on"
    case dueOn = "due_on"
    case approvedOn = "approved_on"
    case evidence
    case evidenceSubmittedOn = "evidence_submitted_on"
    /// Files beside the claims file, separated by `;`, that the evidence submission attaches.
    case evidenceFiles = "evidence_files"
    case paymaster, reference
    case invoiceRef = "invoice_ref"
    case invoiceDate = "invoice_date"
    case poNumber = "po_number"
    case calculation, notes
    /// The id of the agreement in the profile's `contracts:` the claim is paid under.
    case contract

    static let required: [ClaimColumn] = [.claimID, .service, .category, .period, .amount, .submittedOn]

    /// Text from these columns can reach an email subject or header.
    static let headerBound: Set<ClaimColumn> = [
        .claimID, .service, .category, .period, .reference, .invoiceRef, .poNumber, .paymaster, .contract, .evidenceFiles,
    ]

    static let example = "claim_id, service, category, ..."

    /// Matches `claim_id`, `Claim ID`, `claim-id`.
    init?(header: String) { self.init(rawValue: Self.normalised(header)) }
}
