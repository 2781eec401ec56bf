import PayChaseDomain
import Yams

/// Reads `paychase.yaml`, the practice profile, reporting every problem at once.
public struct ProfileLoader: Sendable {
    public init() {}

    public func load(path: String) throws(InputError) -> PracticeProfile {
        let text = try TextFile.read(path, kind: .configuration)
        return try parse(text, file: path)
    }

    public func parse(_ text: String, file: String) throws(InputError) -> PracticeProfile {
        var reader = YAMLReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw InputError(kind: .configuration, diagnostics: [Diagnostic(file: file, message: "is not valid YAML: \(error)")])
        }
        let top = reader.mapping(root, at: "", allowed: ["practice", "paymasters", "lmc", "smtp", "receipts"])
        let practice = readPractice(top?["practice"], &reader)
        let paymasters = readPaymasters(top?["paymasters"], &reader)
        let lmc = readContact(top?["lmc"], at: "lmc", addressRequired: false, &reader)
        let smtp = SMTPSettingsReader.read(top?["smtp"], &reader)
        let receipts = readReceipts(top?["receipts"], practiceEmail: practice?.email, &reader)
        guard reader.diagnostics.isEmpty, let practice, let lmc else {
            throw InputError(kind: .configuration, diagnostics: reader.diagnostics)
        }
        return PracticeProfile(practice: practice, paymasters: paymasters, lmc: lmc, smtp: smtp, receipts: receipts)
    }

    private func readPractice(_ node: Node?, _ reader: inout YAMLReader) -> Practice? {
        let key = "practice"
        let allowed = ["name", "ods_code", "contract", "nhs_body", "address", "phone", "email", "signatory", "late_payment_provision"]
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
        let signatoryMap = reader.mapping(map["signatory"], at: "practice.signatory", allowed: ["name", "role"])
        let signatoryName = reader.string(signatoryMap, "name", at: "practice.signatory")
        let signatoryRole = reader.string(signatoryMap, "role", at: "practice.signatory")
        let provision = reader.string(map, "late_payment_provision", at: key, required: false)
        guard reader.diagnostics.count == before, let name, let ods, let contract, let phone, let email,
              let signatoryName, let signatoryRole else { return nil }
        return Practice(
            name: name, odsCode: ods.uppercased(), contract: contract, nhsBody: nhsBody, address: address, phone: phone,
            email: email, signatory: Signatory(name: signatoryName, role: signatoryRole), latePaymentProvision: provision
        )
    }

    private func readPaymasters(_ node: Node?, _ reader: inout YAMLReader) -> [PaymasterRole: Contact] {
        let roles = PaymasterRole.allCases.map(\.rawValue)
        guard let map = reader.mapping(node, at: "paymasters", allowed: roles) else { return [:] }
        var contacts: [PaymasterRole: Contact] = [:]
        for role in PaymasterRole.allCases {
            guard let entry = map[role.rawValue] else { continue }
            contacts[role] = readContact(entry, at: "paymasters.\(role.rawValue)", addressRequired: true, &reader)
        }
        if map.isEmpty { reader.report("paymasters", "names nobody; add nhs-england, ccg and local-authority contacts") }
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

    private func readReceipts(_ node: Node?, practiceEmail: String?, _ reader: inout YAMLReader) -> Receipts {
        let map = reader.mapping(node, at: "receipts", allowed: ["read", "delivery", "to"], required: false)
        let read = reader.bool(map, "read", at: "receipts", default: true)
        let delivery = reader.bool(map, "delivery", at: "receipts", default: true)
        let to = reader.email(map, "to", at: "receipts", required: false) ?? practiceEmail ?? ""
        return Receipts(read: read, delivery: delivery, to: to)
    }

    /// GP practice ODS codes are a letter followed by five letters or digits (F84001, Y01234).
    static func isODSCode(_ code: String) -> Bool {
        code.count == 6 && code.first!.isLetter && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
