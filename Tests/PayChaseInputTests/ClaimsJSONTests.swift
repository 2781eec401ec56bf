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
        #expect(
            Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).load(path: file) } == [
                "\(file):2: amount: '12.345' has more than two decimal places; amounts are exact pence",
                "\(file):4: unknown field 'colour'; the fields are claim_id, service, category, period, amount, paid, submitted_on, due_on, approved_on, evidence, evidence_submitted_on, evidence_files, paymaster, reference, invoice_ref, invoice_date, po_number, calculation, notes, contract",
            ]
        )
    }

    /// One claim, starting on line 2, with `amount` and `paid` written as these JSON numbers.
    private func claims(amount: String, paid: String = "0") throws(InputError) -> [Claim] {
        let json = """
            [
              { "claim_id": "J-1", "service": "Dementia DES", "category": "DES", "period": "2013/14",
                "amount": \(amount), "paid": \(paid), "submitted_on": "2013-09-30" }
            ]
            """
        return try ClaimsLoader(profile: nil).parse(json, file: "claims.json")
    }

    @Test(
        arguments: [
            ("0.1", 10), ("1234.56", 123_456), ("12480", 1_248_000), ("0", 0), ("1e3", 100_000), ("1.5E2", 15_000), ("12345e-2", 12_345),
        ] as [(String, Int64)]
    )
    func numbersAreReadAsWrittenToExactPence(literal: String, pence: Int64) throws {
        let claim = try #require(try claims(amount: literal, paid: literal).first)
        #expect(claim.amount.pence == pence)
        #expect(claim.paid.pence == pence)
    }

    @Test(arguments: ["1234.565", "0.30000000000000004", "1234.560000000000001", "1234.5600", "12480.000"])
    func moreThanTwoDecimalsAreRefusedAsInACSVFile(literal: String) throws {
        let csv = "claim_id,service,category,period,amount,submitted_on\nJ-1,Dementia DES,DES,2013/14,\(literal),2013-09-30\n"
        let fromCSV = Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).parse(csv, file: "claims.csv") }
        #expect(fromCSV == ["claims.csv:2: amount: '\(literal)' has more than two decimal places; amounts are exact pence"])
        #expect(
            Fixture.problems { () throws(InputError) in _ = try claims(amount: literal) } == [
                "claims.json:2: amount: '\(literal)' has more than two decimal places; amounts are exact pence"
            ]
        )
        #expect(
            Fixture.problems { () throws(InputError) in _ = try claims(amount: "99999", paid: literal) } == [
                "claims.json:2: paid: '\(literal)' has more than two decimal places; amounts are exact pence"
            ]
        )
    }

    @Test func anExponentIsReadExactlyAndItsDecimalsCounted() {
        #expect(
            Fixture.problems { () throws(InputError) in _ = try claims(amount: "1e-3") } == [
                "claims.json:2: amount: '0.001' has more than two decimal places; amounts are exact pence"
            ]
        )
        #expect(
            Fixture.problems { () throws(InputError) in _ = try claims(amount: "-0.0") } == [
                "claims.json:2: amount: '-0.0' is negative; amounts are never below zero"
            ]
        )
    }

    @Test func trueOrFalseIsNotAnAmount() {
        #expect(
            Fixture.problems { () throws(InputError) in _ = try claims(amount: "true") } == [
                "claims.json:2: amount: must be text or a number",
                "claims.json:2: amount: is required but empty",
            ]
        )
    }

    @Test func elementsThatAreNotClaimsKeepTheLinesOfTheRest() {
        let json =
            "[\n  \"J-0\",\n  { \"claim_id\": \"J-1\", \"service\": \"S\", \"category\": \"DES\", \"period\": \"P\",\n    \"amount\": 1.005, \"submitted_on\": \"2013-09-30\" }\n]"
        #expect(
            Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).parse(json, file: "c.json") } == [
                "c.json:2: claim 1 must be an object with named fields",
                "c.json:3: amount: '1.005' has more than two decimal places; amounts are exact pence",
            ]
        )
    }

    @Test func brokenJSONIsNamedByLineAndCharacter() {
        let problems = Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).parse("[{\"claim_id\": }]", file: "c.json") }
        #expect(problems == ["c.json:1:15: is not valid JSON: Invalid value"])
        let text = "[\n  {\"claim_id\": \"A-1\",\n   \"service\": \"Zoë\", oops}\n]\n"
        let later = Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).parse(text, file: "claims.json") }
        #expect(later == ["claims.json:3:22: is not valid JSON: Invalid value"], "characters, not bytes: ë counts once")
    }
}
