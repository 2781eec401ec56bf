import PayChaseDomain
import Yams

/// Reads `contracts:`, the agreements the practice holds, each named by its `id`:
///
///     contracts:
///       - id: gms
///         kind: gms                 # gms | pms | apms | lcs | public-health | other
///         party: { name: NHS North East London Integrated Care Board, notice_address: [...] }
///         nhs_contract: true
///         payment_terms: end-of-following-month
///         dispute_clause: "regulation 83 of the ... Regulations 2015"
///         invoicing: { accounts_payable_address: [...], supplier_number: "...", purchase_order: "..." }
enum ContractsReader {
    static let key = "contracts"
    static let allowed = [
        "id", "kind", "party", "nhs_contract", "payment_terms", "dispute_clause", "late_payment_clause", "invoicing", "substantial_remedy", "notices",
    ]

    /// The contracts, or nil when the section is absent (an older profile) or wrong.
    static func read(_ node: Node?, practice: Practice?, _ reader: inout YAMLReader) -> [Contract]? {
        guard let node, node.null == nil else { return nil }
        guard let sequence = node.sequence, !sequence.isEmpty else {
            reader.report(key, "must be a list of the practice's agreements, each with id, kind and party (see README, \"Contracts\")")
            return nil
        }
        let before = reader.diagnostics.count
        var contracts: [Contract] = []
        var seen: Set<String> = []
        for (index, item) in sequence.enumerated() {
            guard let contract = read(item, at: "\(key)[\(index + 1)]", practice: practice, &reader) else { continue }
            if !seen.insert(contract.id).inserted {
                reader.report("\(key)[\(index + 1)].id", "'\(contract.id)' is used by an earlier contract; every contract needs its own id")
            }
            contracts.append(contract)
        }
        let cores = contracts.filter { $0.kind.isCore }
        if reader.diagnostics.count == before {
            if cores.isEmpty {
                reader.report(key, "has no GMS, PMS or APMS contract: list the practice's core GP contract first")
            } else if cores.count > 1 {
                reader.report(key, "lists \(cores.count) core GP contracts (\(cores.map(\.id).joined(separator: ", "))); a practice holds one")
            } else if let practice, cores[0].kind != ContractKind(practice.contract) {
                reader.report(
                    key,
                    "the core contract '\(cores[0].id)' is \(cores[0].kind.rawValue), but practice.contract says \(practice.contract.rawValue)"
                )
            }
        }
        return reader.diagnostics.count == before ? contracts : nil
    }

    private static func read(_ node: Node, at path: String, practice: Practice?, _ reader: inout YAMLReader) -> Contract? {
        guard let map = reader.mapping(node, at: path, allowed: allowed) else { return nil }
        let before = reader.diagnostics.count
        let id = reader.string(map, "id", at: path)
        if let id, !ClaimRowChecker.isSafeID(id) {
            reader.report("\(path).id", "'\(id)' may only use letters, digits, '-', '_' and '.', up to 64 characters")
        }
        let kindText = reader.string(map, "kind", at: path)
        let kind = kindText.flatMap { ContractKind(rawValue: $0.lowercased()) }
        if let kindText, kind == nil {
            reader.report("\(path).kind", "'\(kindText)' must be one of \(ContractKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let party = readParty(map["party"], at: "\(path).party", &reader)
        let nhsDefault = kind?.isCore == true ? (practice?.nhsBody ?? true) : false
        let nhsContract = reader.bool(map, "nhs_contract", at: path, default: nhsDefault)
        if kind == .publicHealth && nhsContract {
            reader.report(
                "\(path).nhs_contract",
                "a council's public-health contract is not an NHS contract (a council is not a health service body)"
            )
        }
        if let kind, kind == .lcs || kind == .other, map["nhs_contract"] == nil {
            reader.report(
                "\(path).nhs_contract",
                "is missing: say whether this agreement is an NHS contract (true for the NHS Standard Contract or an ICB agreement made as one, false otherwise)"
            )
        }
        var terms: PaymentTerms?
        if let text = reader.string(map, "payment_terms", at: path, required: false) {
            terms = PaymentTerms(parsing: text)
            if terms == nil {
                reader.report("\(path).payment_terms", "'\(text)' must be end-of-following-month or a number of days, such as 30 days")
            }
        }
        let disputeClause = reader.string(map, "dispute_clause", at: path, required: false)
        let latePaymentClause = reader.string(map, "late_payment_clause", at: path, required: false)
        let invoicing = readInvoicing(map["invoicing"], at: "\(path).invoicing", &reader)
        let substantialRemedy = map["substantial_remedy"] == nil ? nil : reader.bool(map, "substantial_remedy", at: path, default: true)
        let notices = readNotices(map["notices"], at: "\(path).notices", &reader)
        guard reader.diagnostics.count == before, let id, let kind, let party else { return nil }
        return Contract(
            id: id,
            kind: kind,
            party: party,
            nhsContract: nhsContract,
            paymentTerms: terms,
            disputeClause: disputeClause,
            latePaymentClause: latePaymentClause,
            invoicing: invoicing,
            substantialRemedy: substantialRemedy,
            notices: notices
        )
    }

    /// `notices: { email: next working day, post: 2 working days, governs: later, clause: "clause 38.2" }`:
    /// when the agreement deems a notice given. Absent: PayChase's assumption, said as such.
    private static func readNotices(_ node: Node?, at path: String, _ reader: inout YAMLReader) -> NoticeDelivery {
        guard node != nil, let map = reader.mapping(node, at: path, allowed: ["email", "post", "governs", "clause"]) else { return .assumed }
        func days(_ key: String, _ fallback: Int) -> Int {
            guard let text = reader.string(map, key, at: path, required: false) else { return fallback }
            guard let days = NoticeDelivery.days(parsing: text) else {
                reader.report("\(path).\(key)", "'\(text)' must be same day, next working day or a number of working days, such as 2 working days")
                return fallback
            }
            return days
        }
        let email = days("email", NoticeDelivery.assumed.emailDays)
        let post = days("post", NoticeDelivery.assumed.postDays)
        var later = true
        if let governs = reader.string(map, "governs", at: path, required: false) {
            switch governs.lowercased() {
            case "later": later = true
            case "earlier": later = false
            default: reader.report("\(path).governs", "'\(governs)' must be later or earlier: which of an email and a letter sent together counts")
            }
        }
        guard let clause = reader.string(map, "clause", at: path) else { return .assumed }
        return NoticeDelivery(emailDays: email, postDays: post, laterGoverns: later, clause: clause)
    }

    /// `party: { name: ..., notice_address: [...], email: ... }`: the other party as a legal entity.
    private static func readParty(_ node: Node?, at path: String, _ reader: inout YAMLReader) -> LegalEntity? {
        guard let map = reader.mapping(node, at: path, allowed: ["name", "notice_address", "email"]) else { return nil }
        let before = reader.diagnostics.count
        let name = reader.string(map, "name", at: path)
        let address = reader.lines(map, "notice_address", at: path)
        let email = reader.email(map, "email", at: path, required: false)
        guard reader.diagnostics.count == before, let name else { return nil }
        return LegalEntity(name: name, noticeAddress: address, email: email)
    }

    private static func readInvoicing(_ node: Node?, at path: String, _ reader: inout YAMLReader) -> Invoicing? {
        guard node != nil else { return nil }
        let allowed = ["accounts_payable_address", "supplier_number", "purchase_order"]
        guard let map = reader.mapping(node, at: path, allowed: allowed) else { return nil }
        return Invoicing(
            accountsPayableAddress: reader.lines(map, "accounts_payable_address", at: path, required: false),
            supplierNumber: reader.string(map, "supplier_number", at: path, required: false),
            purchaseOrder: reader.string(map, "purchase_order", at: path, required: false)
        )
    }
}
