import PayChaseDomain
import PayChaseTransport
import Yams

/// Reads `paychase.yaml`, the practice profile, reporting every problem at once.
public struct ProfileLoader: Sendable {
    public init() {}

    public func load(path: String) throws(InputError) -> PracticeProfile {
        try loadSettings(path: path).profile
    }

    public func parse(_ text: String, file: String) throws(InputError) -> PracticeProfile {
        try parseSettings(text, file: file).profile
    }

    /// The profile and the mail server settings beside it.
    public func loadSettings(path: String) throws(InputError) -> PracticeSettings {
        let text = try TextFile.read(path, kind: .configuration)
        return try parseSettings(text, file: path)
    }

    public func parseSettings(_ text: String, file: String) throws(InputError) -> PracticeSettings {
        var reader = YAMLReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw InputError(kind: .configuration, diagnostics: [Diagnostic(file: file, message: "is not valid YAML: \(error)")])
        }
        let top = reader.mapping(root, at: "", allowed: Self.sections)
        let practice = readPractice(top?["practice"], &reader)
        let paymasters = readPaymasters(top?["paymasters"], &reader)
        let commissioner = readCommissioner(top?["commissioner"], paymasters: paymasters, &reader)
        let lmc = readContact(top?["lmc"], at: "lmc", addressRequired: false, &reader)
        let disputes = top?["dispute_resolution"].map { readContact($0, at: "dispute_resolution", addressRequired: true, &reader) }
        let terms = readPaymentTerms(top?["payment_terms"], &reader)
        let replyDays = reader.integer(top, "reply_days", at: "", in: 1...90) ?? 14
        let smtp = MailServerSettingsReader.read(top?["smtp"], at: "smtp", schemes: ["smtp", "smtps"], extraKeys: ["max_per_minute"], &reader)
        let imap = MailServerSettingsReader.read(
            top?["imap"],
            at: "imap",
            schemes: ["imap", "imaps"],
            extraKeys: ["processed_folder", "poll_minutes", "sent_folder"],
            &reader
        )
        let oauth = OAuthSettingsReader.read(top?["oauth"], profilePath: file, &reader)
        for (key, server) in [("smtp", smtp), ("imap", imap)] where server?.usesOAuth == true && top?["oauth"] == nil {
            reader.report(
                "\(key).auth",
                "is oauth, but there is no oauth: section naming the identity provider (for NHSmail: provider: microsoft, tenant and client_id; see README, \"Using NHSmail / Microsoft 365\")"
            )
        }
        let sentFolder = readSentFolder(top?["imap"]?.mapping, &reader)
        let maxPerMinute = reader.integer(top?["smtp"]?.mapping, "max_per_minute", at: "smtp", in: 1...10_000)
        let pollMinutes = reader.integer(top?["imap"]?.mapping, "poll_minutes", at: "imap", in: 1...1440)
        let autoSend = readAutoSend(top?["auto_send"], &reader)
        let bank = BankSettingsReader.read(top?["bank"], &reader)
        let processedFolder = reader.string(top?["imap"]?.mapping, "processed_folder", at: "imap", required: false)
        if let processedFolder, processedFolder.hasHeaderUnsafeCharacters || processedFolder.isEmpty {
            reader.report("imap.processed_folder", "must be a folder name on one line")
        }
        let receipts = readReceipts(top?["receipts"], practiceEmail: practice?.email, &reader)
        let costs = readCosts(top?["costs"], &reader)
        var overdraftRate: OverdraftRate?
        if let text = reader.string(top?["costs"]?.mapping, "overdraft_rate", at: "costs", required: false) {
            overdraftRate = OverdraftRate(parsing: text)
            if overdraftRate == nil {
                reader.report("costs.overdraft_rate", "'\(text)' must be a yearly rate in percent, such as 9.5, with at most two decimals")
            }
        }
        let contracts = ContractsReader.read(top?["contracts"], practice: practice, &reader)
        let evidenceMail = Self.readEvidenceMail(top?["evidence"], &reader)
        if top?["contracts"] == nil, let practice {
            reader.note(
                ContractsReader.key,
                "is not set, so the \(practice.contract.rawValue) contract is made from practice: and commissioner:\(paymasters[.localAuthority] == nil ? "" : ", and the council's public-health contract from paymasters.local-authority"); list the practice's agreements under contracts: so each claim is placed under its own (see README, \"Contracts\")"
            )
        }
        guard reader.diagnostics.isEmpty, let practice, let lmc, let commissioner else {
            throw InputError(kind: .configuration, diagnostics: reader.diagnostics)
        }
        var profile = PracticeProfile(
            practice: practice,
            contracts: contracts,
            commissioner: commissioner,
            paymasters: paymasters,
            lmc: lmc,
            disputeResolution: disputes ?? nil,
            paymentTerms: terms,
            replyDays: replyDays,
            receipts: receipts,
            costs: costs
        )
        profile.overdraftRate = overdraftRate
        profile.evidenceMail = evidenceMail
        var settings = PracticeSettings(profile: profile, smtp: smtp, imap: imap, processedFolder: processedFolder)
        settings.notes = reader.notes
        settings.oauth = oauth
        settings.sentFolder = sentFolder
        settings.maxPerMinute = maxPerMinute
        settings.pollMinutes = pollMinutes ?? settings.pollMinutes
        settings.autoSend = autoSend
        settings.bankNames = bank.names
        settings.bankCSV = bank.csv
        settings.wordLetterhead = reader.string(top, "word_letterhead", at: "", required: false)
        return settings
    }

    static let sections = [
        "practice", "commissioner", "paymasters", "lmc", "dispute_resolution", "payment_terms", "reply_days", "smtp", "imap", "receipts",
        "auto_send", "costs", "oauth", "contracts", "bank", "word_letterhead", "evidence",
    ]

    /// `imap.sent_folder: Sent Items`, or `none` (also `false`) when the provider files sent mail itself.
    private func readSentFolder(_ map: Node.Mapping?, _ reader: inout YAMLReader) -> SentFolder {
        guard let node = map?["sent_folder"], node.null == nil else { return .automatic }
        if node.bool == false { return .off }
        guard let name = reader.string(map, "sent_folder", at: "imap") else { return .automatic }
        if name.lowercased() == "none" { return .off }
        if name.hasHeaderUnsafeCharacters { reader.report("imap.sent_folder", "must be a folder name on one line") }
        return .named(name)
    }

    /// `auto_send: [chase]`: the templates the service may send by itself when they come due.
    private func readAutoSend(_ node: Node?, _ reader: inout YAMLReader) -> [String] {
        guard let node, node.null == nil else { return [] }
        guard let sequence = node.sequence else {
            reader.report("auto_send", "must be a list of template names, such as [chase]")
            return []
        }
        var names: [String] = []
        for item in sequence {
            guard let name = item.string?.trimmingSpaces(), !name.isEmpty, !name.hasHeaderUnsafeCharacters, item.mapping == nil,
                item.sequence == nil
            else {
                reader.report("auto_send", "every entry must be a template name, such as chase")
                continue
            }
            names.append(name)
        }
        return names
    }

    private func readPractice(_ node: Node?, _ reader: inout YAMLReader) -> Practice? {
        let key = "practice"
        let allowed = [
            "name", "contractor", "ods_code", "contract", "nhs_body", "address", "phone", "email", "signatory", "partner", "partners",
            "late_payment_provision", "dispute_resolution_provision", "local_resolution_provision",
        ]
        guard let map = reader.mapping(node, at: key, allowed: allowed) else { return nil }
        let before = reader.diagnostics.count
        let name = reader.string(map, "name", at: key)
        let ods = reader.string(map, "ods_code", at: key)
        if let ods, !Self.isODSCode(ods) {
            reader.report("practice.ods_code", "'\(ods)' is not an ODS code (a letter and five characters, such as F84001)")
        }
        var contract: ContractType?
        if let text = reader.string(map, "contract", at: key) {
            contract = ContractType(rawValue: text.uppercased())
            if contract == nil { reader.report("practice.contract", "'\(text)' must be GMS, PMS or APMS") }
        }
        let nhsBody = reader.bool(map, "nhs_body", at: key, default: false)
        let address = reader.lines(map, "address", at: key)
        let phone = reader.string(map, "phone", at: key)
        let email = reader.email(map, "email", at: key)
        let signatory = readSignatory(map["signatory"], at: "practice.signatory", required: true, &reader)
        let partner = readSignatory(map["partner"], at: "practice.partner", required: false, &reader)
        let contractor = reader.string(map, "contractor", at: key, required: false)
        let partners = reader.lines(map, "partners", at: key, required: false)
        let provision = reader.string(map, "late_payment_provision", at: key, required: false)
        let disputeProvision = reader.string(map, "dispute_resolution_provision", at: key, required: false)
        let localProvision = reader.string(map, "local_resolution_provision", at: key, required: false)
        guard reader.diagnostics.count == before, let name, let ods, let contract, let phone, let email, let signatory else { return nil }
        var practice = Practice(
            name: name,
            odsCode: ods.uppercased(),
            contract: contract,
            nhsBody: nhsBody,
            address: address,
            phone: phone,
            email: email,
            signatory: signatory,
            contractor: contractor,
            partner: partner,
            latePaymentProvision: provision,
            disputeResolutionProvision: disputeProvision,
            localResolutionProvision: localProvision
        )
        practice.partners = partners
        return practice
    }

    private func readSignatory(_ node: Node?, at key: String, required: Bool, _ reader: inout YAMLReader) -> Signatory? {
        guard node != nil || required else { return nil }
        let map = reader.mapping(node, at: key, allowed: ["name", "role"])
        guard let name = reader.string(map, "name", at: key), let role = reader.string(map, "role", at: key) else { return nil }
        return Signatory(name: name, role: role)
    }

    /// `commissioner:`, or, in a profile written before it existed, the ICB paymaster (noted by `check`).
    private func readCommissioner(_ node: Node?, paymasters: [PaymasterRole: Contact], _ reader: inout YAMLReader) -> Commissioner? {
        let key = "commissioner"
        guard let node else {
            guard let icb = paymasters[.icb] ?? paymasters[.nhsEngland] else {
                reader.report(
                    key,
                    "is missing: name the Integrated Care Board that holds the GP contract for NHS England (name, on_behalf_of, email, notice_address)"
                )
                return nil
            }
            reader.note(
                key,
                "is not set, so \(icb.name) (from paymasters) is taken as the commissioner and its address for notices; add commissioner: with notice_address to be sure"
            )
            return Commissioner(contact: icb, onBehalfOf: "NHS England")
        }
        let allowed = ["name", "on_behalf_of", "email", "notice_address", "person", "dear"]
        guard let map = reader.mapping(node, at: key, allowed: allowed) else { return nil }
        let before = reader.diagnostics.count
        let name = reader.string(map, "name", at: key)
        let onBehalfOf = reader.string(map, "on_behalf_of", at: key, required: false)
        let email = reader.email(map, "email", at: key)
        let address = reader.lines(map, "notice_address", at: key)
        let person = reader.string(map, "person", at: key, required: false)
        let dear = reader.string(map, "dear", at: key, required: false)
        guard reader.diagnostics.count == before, let name, let email else { return nil }
        return Commissioner(contact: Contact(name: name, email: email, address: address, person: person, dear: dear), onBehalfOf: onBehalfOf)
    }

    /// `payment_terms: { gp-contract: end-of-following-month, public-health: 30 days }`.
    private func readPaymentTerms(_ node: Node?, _ reader: inout YAMLReader) -> [ContractRoute: PaymentTerms] {
        let key = "payment_terms"
        let routes = ContractRoute.allCases.map(\.rawValue)
        guard let map = reader.mapping(node, at: key, allowed: routes, required: false) else { return [:] }
        var terms: [ContractRoute: PaymentTerms] = [:]
        for route in ContractRoute.allCases {
            guard let text = reader.string(map, route.rawValue, at: key, required: false) else { continue }
            guard let value = PaymentTerms(parsing: text) else {
                reader.report("\(key).\(route.rawValue)", "'\(text)' must be end-of-following-month or a number of days, such as 30 days")
                continue
            }
            terms[route] = value
        }
        return terms
    }

    private func readPaymasters(_ node: Node?, _ reader: inout YAMLReader) -> [PaymasterRole: Contact] {
        let former = PaymasterRole.formerCCG
        let roles = PaymasterRole.allCases.map(\.rawValue) + [former]
        guard let map = reader.mapping(node, at: "paymasters", allowed: roles) else { return [:] }
        var contacts: [PaymasterRole: Contact] = [:]
        for role in PaymasterRole.allCases {
            guard let entry = map[role.rawValue] else { continue }
            contacts[role] = readContact(entry, at: "paymasters.\(role.rawValue)", addressRequired: true, &reader)
        }
        if let entry = map[former] {
            if contacts[.icb] != nil {
                reader.report("paymasters.\(former)", "is given as well as paymasters.icb; CCGs were abolished on 1 July 2022, so remove it")
            } else {
                contacts[.icb] = readContact(entry, at: "paymasters.\(former)", addressRequired: true, &reader)
                reader.note(
                    "paymasters.\(former)",
                    "is read as paymasters.icb: CCGs were abolished on 1 July 2022 and ICBs took over their work; rename it icb"
                )
            }
        }
        if map.isEmpty { reader.report("paymasters", "names nobody; add icb and local-authority contacts") }
        return contacts
    }

    private func readContact(_ node: Node?, at key: String, addressRequired: Bool, _ reader: inout YAMLReader) -> Contact? {
        guard let map = reader.mapping(node, at: key, allowed: ["name", "email", "address", "person", "dear"]) else { return nil }
        let before = reader.diagnostics.count
        let name = reader.string(map, "name", at: key)
        let email = reader.email(map, "email", at: key)
        let address = reader.lines(map, "address", at: key, required: addressRequired)
        let person = reader.string(map, "person", at: key, required: false)
        let dear = reader.string(map, "dear", at: key, required: false)
        guard reader.diagnostics.count == before, let name, let email else { return nil }
        return Contact(name: name, email: email, address: address, person: person, dear: dear)
    }

    /// `costs: { gp: 95.00, nurse: 38.00, hca: 22.00, admin: 18.00 }`: pounds an hour per role,
    /// every role given (0 for a role the practice does not have); problems name their line.
    private func readCosts(_ node: Node?, _ reader: inout YAMLReader) -> StaffCosts? {
        let key = "costs"
        guard let map = reader.mapping(node, at: key, allowed: StaffRole.allCases.map(\.rawValue) + ["overdraft_rate"], required: false) else {
            return nil
        }
        // Only the overdraft rate given: no staff costs.
        guard StaffRole.allCases.contains(where: { map[$0.rawValue] != nil }) else { return nil }
        let before = reader.diagnostics.count
        var perHour: [StaffRole: Money] = [:]
        for role in StaffRole.allCases {
            let path = "\(key).\(role.rawValue)"
            guard let value = map[role.rawValue], value.null == nil else {
                reader.report(
                    path,
                    "is missing: give what an hour of \(role.title) time costs the practice, such as 38.00 (0 if none)",
                    line: node?.mark?.line
                )
                continue
            }
            guard let text = value.scalar?.string else {
                reader.report(path, "must be an amount in pounds an hour, such as 38.00", line: value.mark?.line)
                continue
            }
            do { perHour[role] = try Money(parsing: text) } catch {
                reader.report(path, error.description, line: value.mark?.line)
            }
        }
        return reader.diagnostics.count == before ? StaffCosts(perHour: perHour) : nil
    }

    private func readReceipts(_ node: Node?, practiceEmail: String?, _ reader: inout YAMLReader) -> ReceiptRequests {
        let map = reader.mapping(node, at: "receipts", allowed: ["read", "delivery", "to"], required: false)
        let read = reader.bool(map, "read", at: "receipts", default: true)
        let delivery = reader.bool(map, "delivery", at: "receipts", default: true)
        let to = reader.email(map, "to", at: "receipts", required: false) ?? practiceEmail ?? ""
        return ReceiptRequests(read: read, delivery: delivery, to: to)
    }

    /// GP practice ODS codes are a letter followed by five letters or digits (F84001, Y01234).
    static func isODSCode(_ code: String) -> Bool {
        code.count == 6 && code.first!.isLetter && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// `evidence: { patient_data_domains: [nhs.net], size_limit_mb: 35 }`: where evidence files
    /// may be emailed, and the mail server's message size limit.
    static func readEvidenceMail(_ node: Node?, _ reader: inout YAMLReader) -> EvidenceMailRules {
        var rules = EvidenceMailRules()
        guard let map = reader.mapping(node, at: "evidence", allowed: ["patient_data_domains", "size_limit_mb"], required: false) else {
            return rules
        }
        if let megabytes = reader.integer(map, "size_limit_mb", at: "evidence", in: 1...1_000) { rules.sizeLimit = megabytes * 1_048_576 }
        if map["patient_data_domains"] != nil {
            let domains = reader.lines(map, "patient_data_domains", at: "evidence", required: false)
            for domain in domains where domain.isEmpty || domain.contains("@") || domain.contains(" ") || !domain.contains(".") {
                reader.report("evidence.patient_data_domains", "'\(domain)' is not a mail domain such as nhs.net")
            }
            rules.patientDataDomains = domains.map { $0.lowercased() }
        }
        return rules
    }
}
