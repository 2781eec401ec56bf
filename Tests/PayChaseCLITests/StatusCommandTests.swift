import Foundation
import PayChaseTestSupport
import Testing

struct StatusCommandTests {
    @Test func showsEachClaimAndTheTotals() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("status", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let q1 = try #require(lines.first { $0.hasPrefix("Q-2026-001") })
        #expect(q1.contains("icb"))
        #expect(q1.contains("£3,480.00"))
        #expect(q1.contains("30 June 2026"))
        #expect(q1.contains("145 days"))
        #expect(q1.hasSuffix("chase"))
        let notDue = try #require(lines.first { $0.hasPrefix("L-2026-011") })
        #expect(notDue.hasSuffix("wait until 11 December 2026, then chase"))
        #expect(lines.contains { $0.hasPrefix("D-2026-020") && $0.hasSuffix("none (paid in full)") })
        #expect(
            lines.contains { $0.hasPrefix("NHS North East London ICB") && $0.contains("£5,735.06 outstanding") && $0.contains("£4,714.56 overdue") }
        )
        let assumed = try #require(lines.first { $0.hasPrefix("L-2026-007") })
        #expect(assumed.contains("14 August 2026 (assumed)"), "a due date PayChase assumed says so")
        let approved = try #require(lines.first { $0.hasPrefix("D-2026-014") })
        #expect(approved.contains("4 November 2026 (assumed)"), "approved, but 30 days after approval is no term of the contract")
        #expect(
            result.stdout.contains("(assumed) approved, but no payment terms are set for the agreement: the date is taken as 30 days after approval")
        )
        let council = try #require(lines.first { $0.hasPrefix("P-2026-003") })
        #expect(
            council.contains("£143.37"),
            "interest from the day after day 30 of the period beginning with the claim (8 August, before the agreed 9th): 106 days at 11.75% on £2,150.00 is £73.37, plus £70"
        )
        #expect(lines.contains { $0.hasPrefix("All paymasters") && $0.contains("£8,665.06 outstanding") })
    }

    @Test func givesTheSameAsJSONForScripts() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("status", "--json", "--as-of", "2026-11-22")
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["as_of"] as? String == "2026-11-22")
        let claims = try #require(json["claims"] as? [[String: Any]])
        #expect(claims.count == 6)
        let first = claims[0]
        #expect(first["claim_id"] as? String == "Q-2026-001")
        #expect(first["paymaster"] as? String == "icb")
        #expect(first["due_basis"] as? String == "given")
        #expect((first["outstanding"] as? [String: Any])?["pence"] as? Int == 348_000)
        #expect((first["outstanding"] as? [String: Any])?["text"] as? String == "3480.00")
        #expect(first["due_on"] as? String == "2026-06-30")
        #expect(first["days_overdue"] as? Int == 145)
        #expect(first["next_templates"] as? [String] == ["chase"])
        let totals = try #require(json["totals"] as? [[String: Any]])
        #expect(totals.map { $0["paymaster"] as? String } == ["icb", "local-authority"])
        #expect((totals[1]["outstanding"] as? [String: Any])?["pence"] as? Int == 293_000, "the council's health checks and contraceptive implants")
        let council = try #require(claims.first { $0["claim_id"] as? String == "P-2026-003" })
        #expect((council["interest"] as? [String: Any])?["pence"] as? Int == 7_337)
        #expect((council["fixed_sum"] as? [String: Any])?["pence"] as? Int == 7_000)
    }
}
