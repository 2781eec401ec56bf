import PayChaseDomain
import PayChaseInput
import Testing

struct ClaimsJSONTests {
    @Test func readsAJSONArrayWithTheSameFields() throws {
        let claims = try ClaimsLoader(profile: try Fixture.profile()).load(path: Fixture.path("claims.json"))
        #expect(claims.map(\.id) == ["J-1", "J-2"])
        #expect(claims[0].amount.formatted == "£1,234.56", "a JSON number is read as exact pence")
        #expect(claims[0].outstanding.formatted == "£1,200.00")
        #expect(claims[0].reference == nil)
        #expect(claims[1].submittedOn.formatted == "30 September 2013")
        #expect(claims[1].paymaster == .icb, "ccg is read as icb")
        #expect(claims.map(\.line) == [2, 12])
    }

    @Test func reportsProblemsAtTheLineTheClaimStarts() {
        let file = Fixture.path("bad.json")
        #expect(Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).load(path: file) } == [
            "\(file):2: amount: '12.345' has more than two decimal places; amounts are exact pence",
            "\(file):4: unknown field 'colour'; the fields are claim_id, service, category, period, amount, paid, submitted_on, due_on, approved_on, evidence, evidence_submitted_on, paymaster, reference, invoice_ref, calculation, notes",
        ])
    }

    @Test func saysWhenJSONIsBroken() {
        let problems = Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).parse("[{\"claim_id\": }]", file: "c.json") }
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("c.json: is not valid JSON") == true)
    }
}
