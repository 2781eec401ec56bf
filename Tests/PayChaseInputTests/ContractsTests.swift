import Foundation
import PayChaseDomain
import PayChaseInput
import Testing

/// `contracts:` in the profile, and each claim placed under its own agreement.
struct ContractsTests {
    func profileText(_ extra: String = "") throws -> String {
        try String(contentsOfFile: Fixture.path("profile.yaml"), encoding: .utf8) + extra
    }

    func withContracts() throws -> PracticeSettings {
        let contracts = try String(contentsOfFile: Fixture.path("contracts.yaml"), encoding: .utf8)
        return try ProfileLoader().parseSettings(try profileText(contracts), file: "paychase.yaml")
    }

    func problems(_ extra: String) throws -> [String] {
        let text = try profileText(extra)
        return Fixture.problems { () throws(InputError) in _ = try ProfileLoader().parseSettings(text, file: "paychase.yaml") }
    }

    @Test func readsEachAgreementWithItsPartyTermsAndInvoicing() throws {
        let settings = try withContracts()
        let profile = settings.profile
        #expect(profile.contracts.map(\.id) == ["gms", "nel-anticoag", "th-public-health"])
        let core = try #require(profile.coreContract)
        #expect(core.kind == .gms && core.nhsContract, "a core contract takes the practice's nhs_body when it does not say")
        #expect(core.party.name == "NHS North East London Integrated Care Board")
        #expect(core.paymentTerms == .endOfFollowingMonth)
        let local = try #require(profile.contract(id: "nel-anticoag"))
        #expect(local.kind == .lcs && local.route == .localService && local.nhsContract)
        #expect(local.paymentTerms == .days(45))
        #expect(local.disputeClause == "clause 14 (Disputes) of the local agreement")
        #expect(local.notices == NoticeDelivery(emailDays: 0, postDays: 2, laterGoverns: false, clause: "clause 38.2"))
        #expect(core.notices == .assumed && core.notices.isAssumed, "no notices: PayChase's assumption, said as such")
        let council = try #require(profile.contract(id: "th-public-health"))
        #expect(!council.nhsContract && council.route == .publicHealth)
        #expect(council.party.noticeAddress.first == "Legal Services")
        #expect(
            council.invoicing
                == Invoicing(
                    accountsPayableAddress: ["Accounts Payable", "PO Box 55", "London", "E14 2BG"],
                    supplierNumber: "SUP-0042",
                    purchaseOrder: "PO-448812"
                )
        )
        #expect(!settings.notes.contains { $0.field == "contracts" })
    }

    @Test func anOlderProfileKeepsWorkingWithItsCoreContractMadeFromPracticeAndANote() throws {
        let settings = try ProfileLoader().parseSettings(try profileText(), file: "paychase.yaml")
        let profile = settings.profile
        #expect(profile.contracts.map(\.id) == ["gms", "public-health"])
        #expect(profile.coreContract?.party.name == "Tower Hamlets CCG", "the commissioner (here the ICB paymaster) is the other party")
        #expect(profile.coreContract?.nhsContract == true)
        #expect(profile.contract(id: "public-health")?.party.name == "London Borough of Tower Hamlets")
        let note = try #require(settings.notes.first { $0.field == "contracts" })
        #expect(note.description.contains("contracts: is not set, so the GMS contract is made from practice: and commissioner:"))
    }

    @Test(arguments: [
        (
            "contracts:\n  - { id: gms, kind: gms, party: { name: ICB, notice_address: [a] } }\n  - { id: gms, kind: lcs, nhs_contract: false, party: { name: ICB, notice_address: [a] } }\n",
            "paychase.yaml: contracts[2].id: 'gms' is used by an earlier contract; every contract needs its own id"
        ),
        (
            "contracts:\n  - { id: gms, kind: gps, party: { name: ICB, notice_address: [a] } }\n",
            "paychase.yaml: contracts[1].kind: 'gps' must be one of gms, pms, apms, lcs, public-health, other"
        ),
        (
            "contracts:\n  - { id: ph, kind: public-health, party: { name: Council, notice_address: [a] } }\n",
            "paychase.yaml: contracts: has no GMS, PMS or APMS contract: list the practice's core GP contract first"
        ),
        (
            "contracts:\n  - { id: pms, kind: pms, party: { name: ICB, notice_address: [a] } }\n",
            "paychase.yaml: contracts: the core contract 'pms' is pms, but practice.contract says GMS"
        ),
        (
            "contracts:\n  - { id: gms, kind: gms, party: { name: ICB, notice_address: [a] } }\n  - { id: les, kind: lcs, party: { name: ICB, notice_address: [a] } }\n",
            "paychase.yaml: contracts[2].nhs_contract: is missing: say whether this agreement is an NHS contract"
        ),
        (
            "contracts:\n  - { id: gms, kind: gms, party: { name: ICB, notice_address: [a] } }\n  - { id: ph, kind: public-health, nhs_contract: true, party: { name: C, notice_address: [a] } }\n",
            "paychase.yaml: contracts[2].nhs_contract: a council's public-health contract is not an NHS contract"
        ),
        (
            "contracts:\n  - { id: gms, kind: gms, notices: { email: by pigeon, clause: c }, party: { name: ICB, notice_address: [a] } }\n",
            "paychase.yaml: contracts[1].notices.email: 'by pigeon' must be same day, next working day or a number of working days"
        ),
        (
            "contracts:\n  - { id: gms, kind: gms, notices: { post: 2 working days }, party: { name: ICB, notice_address: [a] } }\n",
            "paychase.yaml: contracts[1].notices.clause: is missing"
        ),
        (
            "contracts:\n  - { id: gms, kind: gms, party: { name: ICB } }\n",
            "paychase.yaml: contracts[1].party.notice_address: is missing"
        ),
    ])
    func aWrongContractSaysWhereAndWhat(yaml: String, message: String) throws {
        let found = try problems(yaml)
        #expect(found.contains { $0.hasPrefix(message) }, "\(found)")
    }

    // MARK: Claims placed under their agreement

    func claims(_ rows: String, settings: PracticeSettings) throws -> (claims: [Claim], notes: [String]) {
        let text = "claim_id,service,category,period,amount,submitted_on,approved_on,contract\n" + rows
        let loaded = try ClaimsLoader(profile: settings.profile).read(text, file: "claims.csv")
        return (loaded.claims, loaded.notes.map(\.description))
    }

    @Test func eachClaimIsPlacedUnderTheContractItNamesOrItsCategorysOne() throws {
        let (claims, notes) = try claims(
            """
            Q1,QOF achievement,QOF,2025/26,100.00,2026-04-30,2026-05-10,
            L1,Anticoagulation monitoring LES,LES,Q3,100.00,2026-10-01,2026-10-05,
            P1,NHS Health Checks,PH,Q1,100.00,2026-07-10,,
            L2,Implant fittings,LES,Q1,100.00,2026-07-15,,th-public-health

            """,
            settings: try withContracts()
        )
        #expect(notes.isEmpty, "\(notes)")
        #expect(claims.map(\.placement.contractID) == ["gms", "nel-anticoag", "th-public-health", "th-public-health"])
        #expect(claims.map(\.route) == [.gpContract, .localService, .publicHealth, .publicHealth])
        #expect(claims[0].dueOn.description == "2026-06-30", "the GMS contract's terms: the end of the month after approval")
        #expect(claims[1].dueOn.description == "2026-11-19", "the local agreement's own terms: 45 days after approval")
    }

    @Test func aClaimNamingAContractTheProfileDoesNotHaveIsRefusedWithItsLine() throws {
        let settings = try withContracts()
        let found = Fixture.problems { () throws(InputError) in
            _ = try ClaimsLoader(profile: settings.profile).read(
                "claim_id,service,category,period,amount,submitted_on,contract\nQ1,QOF achievement,QOF,2025/26,100.00,2026-04-30,gmss\n",
                file: "claims.csv"
            )
        }
        #expect(
            found == ["claims.csv:2: contract: 'gmss' is not a contract in the practice profile (contracts: gms, nel-anticoag, th-public-health)"]
        )
    }

    @Test func anLESWithNoLocalAgreementIsNotPlacedUnderTheGPContractAndCheckSaysSo() throws {
        let old = try ProfileLoader().parseSettings(try profileText(), file: "paychase.yaml")
        let (claims, notes) = try claims("L1,Implanon LES,LES,Q1,100.00,2026-07-15,,\n", settings: old)
        #expect(claims[0].placement.contractID == nil)
        #expect(claims[0].route == .localService, "an LES is never a GMS payment")
        #expect(claims[0].isNHSContract(practice: old.profile.practice) == nil, "nothing says what its agreement is")
        #expect(notes.contains { $0.contains(":2: contract: not placed under a contract: the profile has no lcs contract for LES claims") })
    }
}
