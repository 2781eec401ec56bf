import PayChaseDomain
import PayChaseInput
import Testing

struct ClaimsCSVTests {
    @Test func readsWhatExcelWrites() throws {
        let claims = try ClaimsLoader(profile: try Fixture.profile()).load(path: Fixture.path("excel.csv"))
        #expect(claims.map(\.id) == ["Q-1", "D-2", "L-3"])
        let qof = claims[0]
        #expect(qof.amount.formatted == "£1,234.56")
        #expect(qof.paid.formatted == "£234.56")
        #expect(qof.outstanding.formatted == "£1,000.00")
        #expect(qof.submittedOn == CalendarDate(year: 2013, month: 9, day: 30))
        #expect(qof.dueOn == CalendarDate(year: 2013, month: 10, day: 30))
        #expect(qof.evidence == "Register extract, 41 patients")
        #expect(qof.notes == "He said \"paid soon\"")
        #expect(qof.paymaster == .icb, "the GP contract is paid by the ICB")
        #expect(qof.line == 2)

        let des = claims[1]
        #expect(des.category == .des)
        #expect(des.amount.pence == 123_450)
        #expect(des.dueOn == CalendarDate(year: 2013, month: 11, day: 15))
        #expect(des.notes == "Line one\r\nline two\r\nline three")

        let les = claims[2]
        #expect(les.service == "Implanon LES, fittings")
        #expect(les.paymaster == .nhsEngland, "the paymaster column overrides the category's default")
        #expect(les.line == 7, "line numbers count the newlines inside quoted fields and the blank line")
    }

    @Test func listsEveryProblemWithLineAndColumn() throws {
        let profile = try Fixture.profile()
        var withoutLA = profile
        withoutLA.paymasters[.localAuthority] = nil
        let file = Fixture.path("bad.csv")
        let problems = Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: withoutLA).load(path: file) }
        #expect(
            problems == [
                "\(file):2: amount: '12.345' has more than two decimal places; amounts are exact pence",
                "\(file):3: category: 'XYZ' is not a category; use QOF, DES, LES or PH",
                "\(file):4: claim_id: 'B-1' is used again (first on line 2); every claim needs its own claim_id",
                "\(file):5: service: is required but empty",
                "\(file):6: amount: 'ten' is not an amount in pounds (write 1234.56 or £1,234.56)",
                "\(file):7: amount: '-5' is negative; amounts are never below zero",
                "\(file):8: submitted_on: '31/02/2014' is not a real date",
                "\(file):9: paid: £20.00 received is more than the £10.00 claimed",
                "\(file):10: paymaster: PH claims are paid by local-authority, but the practice profile has no contact for it (add paymasters.local-authority to paychase.yaml)",
                "\(file):11: service: contains a line break or control character; this text goes into email headers, so it must be one line",
                "\(file):13: reference: contains a line break or control character; this text goes into email headers, so it must be one line",
                "\(file):15: claim_id: 'B/12' may only use letters, digits, '-', '_' and '.' (it names files in the Outbox), up to 64 characters",
            ]
        )
    }

    @Test func namesUnknownAndMissingColumns() {
        let unknown = Fixture.path("unknown-columns.csv")
        #expect(
            Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).load(path: unknown) } == [
                "\(unknown):1: unknown columns 'colour', 'Size'; the columns are claim_id, service, category, period, amount, paid, submitted_on, due_on, approved_on, evidence, evidence_submitted_on, evidence_files, paymaster, reference, invoice_ref, invoice_date, po_number, calculation, notes, contract"
            ]
        )
        let missing = Fixture.path("missing-columns.csv")
        #expect(
            Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).load(path: missing) } == [
                "\(missing):1: amount: required column is missing from the header",
                "\(missing):1: submitted_on: required column is missing from the header",
            ]
        )
    }

    @Test func findsAnUnclosedQuote() {
        let file = Fixture.path("unterminated.csv")
        let problems = Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).load(path: file) }
        #expect(problems.contains("\(file):3: service: a quoted field is never closed: a \" is missing before the end of the file"))
    }

    /// Reads `lines` as a claims file, with its header, and gives every problem found.
    private func problems(_ lines: [String]) -> [String] {
        let text = (["claim_id,service,category,period,amount,submitted_on,notes"] + lines).joined(separator: "\n") + "\n"
        return Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).parse(text, file: "claims.csv") }
    }

    @Test func aQuoteInsideAnUnquotedFieldIsTextAndMovesNoLine() throws {
        let text = "claim_id,service,category,period,amount,submitted_on,notes\nA,S,DES,P,1,30/09/2013,Dr \"Bob\" Smith\n"
        let claims = try ClaimsLoader(profile: nil).parse(text, file: "claims.csv")
        #expect(claims.first?.notes == "Dr \"Bob\" Smith", "read as it is written, as Excel opens it")
        #expect(
            problems([
                "A,S,DES,P,1,30/09/2013,",
                "B,S,DES,P,1,30/09/2013,Dr \"Bob\" Smith",
                "C,S,DES,P,1,30/09/2013,\"notes, over\ntwo lines\"",
                "D,S,DES,P,12.345,30/09/2013,",
            ]) == ["claims.csv:6: amount: '12.345' has more than two decimal places; amounts are exact pence"]
        )
    }

    @Test func aLoneStrayQuoteIsNotAnUnclosedField() {
        #expect(
            problems([
                "A,S,DES,P,1,30/09/2013,",
                "B,S,DES,P,1,30/09/2013,a 5\" floppy disk",
                "C,S,DES,P,1,30/09/2013,",
                "D,S,DES,P,12.345,30/09/2013,",
            ]) == ["claims.csv:5: amount: '12.345' has more than two decimal places; amounts are exact pence"]
        )
    }

    @Test func anUnclosedFieldIsFoundAfterAStrayQuoteAndNamedWhereItOpens() {
        #expect(
            problems([
                "A,S,DES,P,1,30/09/2013,",
                "B,S,DES,P,1,30/09/2013,Dr \"Bob Smith",
                "C,S,DES,P,1,30/09/2013,",
                "D,S,DES,P,1,30/09/2013,\"never closed",
                "E,S,DES,P,1,30/09/2013,",
            ]) == ["claims.csv:5: notes: a quoted field is never closed: a \" is missing before the end of the file"]
        )
    }

    @Test func aQuoteInsideAQuotedFieldMustBeDoubled() {
        #expect(
            problems([
                "A,S,DES,P,1,30/09/2013,",
                "B,S,DES,P,1,30/09/2013,\"Dr \"Bob\" Smith\"",
                "C,S,DES,P,1,30/09/2013,",
                "D,S,DES,P,12.345,30/09/2013,",
            ]) == [
                "claims.csv:3: notes: a quote (\") inside a quoted field must be doubled (\"\"), or the text after it is misread",
                "claims.csv:5: amount: '12.345' has more than two decimal places; amounts are exact pence",
            ]
        )
    }

    @Test func readsExcelsWindowsEncodingToo() throws {
        let claims = try ClaimsLoader(profile: nil).load(path: Fixture.path("windows-1252.csv"))
        #expect(claims.first?.service == "Café DES")
        #expect(claims.first?.amount.formatted == "£1,000.00")
    }

    @Test func aHeaderWithNoClaimsSaysSo() {
        let header = "claim_id,service,category,period,amount,submitted_on\r\n"
        let problems = Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).parse(header, file: "claims.csv") }
        #expect(problems == ["claims.csv: no claims after the header (line 1)"])
    }

    @Test func refusesNULBytes() {
        let file = Fixture.path("nul.csv")
        #expect(
            Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).load(path: file) } == [
                "\(file):2: notes: contains a NUL character; the file may be damaged"
            ]
        )
    }

    @Test func saysWhenTheFileIsMissing() {
        #expect(
            Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).load(path: "/nonexistent/claims.csv") } == [
                "/nonexistent/claims.csv: the file does not exist"
            ]
        )
    }
}

/// Issue 22.2: a large file's rows are checked in parts on all cores; what it says is what one
/// pass says: ids used again across parts, in file order, with every other problem, and the
/// `ccg` note once.
struct LargeClaimsFileTests {
    @Test func partsSayWhatOnePassSays() throws {
        func file(faults: Bool) -> String {
            var lines = ["claim_id,service,category,period,amount,submitted_on,paymaster"]
            for index in 1...20_000 {
                let id = faults && [10_000, 19_000].contains(index) ? "C-5" : "C-\(index)"
                let amount = faults && index == 19_000 ? "lots" : "\(index).00"
                let paymaster = index % 7_000 == 0 ? "ccg" : ""
                lines.append("\(id),Minor surgery DES,DES,Q2 2026/27,\(amount),2026-10-01,\(paymaster)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
        let text = file(faults: true)
        let problems = Fixture.problems { () throws(InputError) in _ = try ClaimsLoader(profile: nil).parse(text, file: "claims.csv") }
        #expect(
            problems == [
                "claims.csv:10001: claim_id: 'C-5' is used again (first on line 6); every claim needs its own claim_id",
                "claims.csv:19001: claim_id: 'C-5' is used again (first on line 6); every claim needs its own claim_id",
                "claims.csv:19001: amount: 'lots' is not an amount in pounds (write 1234.56 or £1,234.56)",
            ]
        )
        let read = try ClaimsLoader(profile: nil).read(file(faults: false), file: "claims.csv")
        #expect(read.claims.count == 20_000 && read.claims.map(\.line) == Array(2...20_001))
        #expect(read.notes.count == 1 && read.notes[0].line == 7_001, "the ccg note once, at its first row")
    }
}
