import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseInput
import PayChaseTestSupport

enum DocumentFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let asOf = CalendarDate(year: 2026, month: 11, day: 25)!

    static func path(_ name: String) -> String { directory.appendingPathComponent("Fixtures/\(name)").path }

    static let profile = try! ProfileLoader().load(path: path("profile.yaml"))
    static let claims = try! ClaimsLoader(profile: profile).load(path: path("claims.csv"))
    static let builtins = TemplateLibrary(builtins: TestPaths.templates.path, overrides: nil)

    static func claim(_ id: String) -> Claim { claims.first { $0.id == id }! }

    static let rates = try! BankRateReader.load(path: TestPaths.templates.appendingPathComponent("bank-rate.csv").path)

    static func render(
        _ template: String,
        claim id: String,
        attempts: [Attempt] = [],
        feedback: ClaimFeedback = .init(),
        profile: PracticeProfile = profile,
        contract: String? = nil,
        today: CalendarDate = asOf
    ) throws -> RenderedDocument {
        var claim = placed(claim(id), under: profile)
        // A claim whose contract column names the agreement.
        if let contract { claim.placement = ContractPlacement(profile.contract(id: contract)!) }
        let context = DocumentContext(
            claim: claim,
            profile: profile,
            attempts: attempts,
            feedback: feedback,
            today: today,
            rates: rates
        )
        return try DocumentRenderer().render(builtins[template]!, context: context)
    }

    /// The same practice under other contracts: a PMS agreement with and without its provision
    /// set, and a GMS contract that is not an NHS contract.
    static func profile(_ variant: String) -> PracticeProfile {
        var changed = profile
        switch variant {
        case "pms":
            changed.practice.contract = .pms
            changed.practice.latePaymentProvision = "clause 12.4 of the practice's PMS agreement"
            changed.practice.disputeResolutionProvision = "clause 30 of the practice's PMS agreement"
        case "pms-unset":
            changed.practice.contract = .pms
        case "apms":
            changed.practice.contract = .apms
            changed.practice.latePaymentProvision = "clause 9.2 of the practice's APMS contract"
            changed.practice.disputeResolutionProvision = "clause 41 of the practice's APMS contract"
        case "private-law":
            changed.practice.nhsBody = false
        case "lcs-private":
            // A local agreement for the LES, in private law.
            changed.contracts.append(
                Contract(
                    id: "les",
                    kind: .lcs,
                    party: LegalEntity(
                        name: "NHS North East London Integrated Care Board",
                        noticeAddress: ["4th Floor, Unex Tower", "London", "E15 1DA"]
                    ),
                    nhsContract: false,
                    disputeClause: "clause 14 of the agreement"
                )
            )
            return changed
        case "lcs-nhs":
            // The LES under an ICB agreement made as an NHS contract, with its own dispute clause.
            changed.contracts.append(
                Contract(
                    id: "les",
                    kind: .lcs,
                    party: LegalEntity(
                        name: "NHS North East London Integrated Care Board",
                        noticeAddress: ["4th Floor, Unex Tower", "London", "E15 1DA"]
                    ),
                    nhsContract: true,
                    paymentTerms: .days(45),
                    disputeClause: "clause 14 of the agreement"
                )
            )
            return changed
        case "other-private":
            // A subcontract from the GP federation, in private law: neither the ICB's nor the council's.
            changed.contracts.append(
                Contract(
                    id: "federation",
                    kind: .other,
                    party: LegalEntity(
                        name: "Tower Hamlets GP Care Group CIC",
                        noticeAddress: ["Company Secretary", "1 Federation Way", "London", "E1 2AB"],
                        email: "accounts@gpcaregroup.example"
                    ),
                    nhsContract: false,
                    disputeClause: "clause 20 of the subcontract"
                )
            )
            return changed
        default:
            break
        }
        // The agreements of a profile without contracts: follow its practice: section.
        changed.contracts = PracticeProfile.contracts(
            practice: changed.practice,
            commissioner: changed.commissioner,
            paymasters: changed.paymasters,
            terms: changed.paymentTerms
        )
        if variant == "gms-notices", let core = changed.contracts.firstIndex(where: { $0.kind.isCore }) {
            // A contract whose notices clause makes an email given the same working day, the earlier governing.
            changed.contracts[core].notices = NoticeDelivery(emailDays: 0, postDays: 2, laterGoverns: false, clause: "clause 38.2")
        }
        return changed
    }

    /// The claim under the same agreement of `profile` (a variant's contract of the same id), or
    /// the one its category points to, as reading the claims with that profile would place it.
    static func placed(_ claim: Claim, under profile: PracticeProfile) -> Claim {
        var claim = claim
        if let contract = claim.placement.contractID.flatMap(profile.contract(id:)) ?? profile.defaultContract(for: claim.category) {
            claim.placement = ContractPlacement(contract)
        }
        return claim
    }

    /// Writes a template to a temporary file and parses it.
    static func template(_ text: String, name: String = "custom") throws(TemplateError) -> DocumentTemplate {
        try DocumentTemplate(name: name, file: "\(name).mustache", text: text)
    }
}
