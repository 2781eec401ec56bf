import Foundation
import PayChaseTestSupport
import Testing

struct CheckCommandTests {
    @Test func saysOKWithTheTotalOutstanding() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("check", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "OK: 6 claims, £8,665.06 outstanding, 4 overdue as of 22 November 2026; 11 templates\n")
        #expect(
            result.stderr.contains("warning: dispute-resolution cannot be drafted until paychase.yaml sets dispute_resolution:"),
            "a missing setting warns, naming the document it blocks"
        )
    }

    @Test func listsEveryProblemInTheClaimsAtOnce() throws {
        let folder = try PracticeFolder()
        try folder.write(
            "claims.csv",
            """
            claim_id,service,category,period,amount,submitted_on,colour
            A-1,Dementia DES,DES,2013/14,10,30/09/2013,red
            """
        )
        let unknownColumn = try folder.paychase("check")
        #expect(unknownColumn.status == 65)
        #expect(unknownColumn.stderr.hasPrefix("claims.csv:1: unknown column 'colour'"))

        try folder.write(
            "claims.csv",
            """
            claim_id,service,category,period,amount,paid,submitted_on
            A-1,Dementia DES,DES,2013/14,12.345,,30/09/2013
            A-2,Dementia DES,QQQ,2013/14,10,20,31/02/2014
            A-1,"Dementia DES",DES,2013/14,10,,30/09/2013
            """
        )
        let result = try folder.paychase("check")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.split(separator: "\n") == [
                "claims.csv:2: amount: '12.345' has more than two decimal places; amounts are exact pence",
                "claims.csv:3: category: 'QQQ' is not a category; use QOF, DES, LES or PH",
                "claims.csv:3: paid: £20.00 received is more than the £10.00 claimed",
                "claims.csv:3: submitted_on: '31/02/2014' is not a real date",
                "claims.csv:4: claim_id: 'A-1' is used again (first on line 2); every claim needs its own claim_id",
            ]
        )
    }

    @Test func aBadProfileExits78NamingTheKey() throws {
        let folder = try PracticeFolder()
        let profile = try folder.read("paychase.yaml").replacingOccurrences(of: "contract: GMS", with: "contract: XMS")
        try folder.write("paychase.yaml", profile)
        let result = try folder.paychase("check")
        #expect(result.status == 78)
        #expect(result.stderr == "paychase.yaml: practice.contract: 'XMS' must be GMS, PMS or APMS\n")
    }

    @Test func brokenJSONClaimsAreNamedByLineAndCharacter() throws {
        let folder = try PracticeFolder()
        try folder.write("claims.json", "[\n  {\"claim_id\": \"A-1\",\n   \"service\": \"X\", oops}\n]\n")
        let result = try folder.paychase("check", "--claims", "claims.json")
        #expect(result.status == 65)
        #expect(result.stderr == "claims.json:3:20: is not valid JSON: Invalid value\n")
    }

    @Test func aMissingProfileSaysWhere() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("check", "--config", "elsewhere.yaml")
        #expect(result.status == 78)
        #expect(result.stderr == "elsewhere.yaml: the file does not exist\n")
    }

    /// Checks with the practice's own chase template, whose body (line 6) is `body`.
    func checkWithOwnChase(_ body: String) throws -> CommandResult {
        let folder = try PracticeFolder()
        try folder.write("mine/chase.mustache", TemplateText.email(subject: "Payment for {{claim.id}}", body: body))
        return try folder.paychase("check", "--templates", "mine")
    }

    @Test func namesUnknownTemplateVariablesWithTheirLines() throws {
        let result = try checkWithOwnChase("Please pay {{claim.outstandng}}.")
        #expect(result.status == 65)
        #expect(result.stderr == "mine/chase.mustache:6: unknown variable claim.outstandng\n")
    }

    @Test func findsTemplatesThatWouldPrintABlankForSomeClaims() throws {
        let result = try checkWithOwnChase("Your reference: {{claim.reference}}")
        #expect(result.status == 65)
        #expect(result.stderr.contains("mine/chase.mustache:6: no value for claim.reference"))
        #expect(result.stderr.contains("(claim L-2026-011)"))
        // One claim alone is named by its line of the claims file too.
        #expect(result.stderr.hasPrefix("claims.csv:6: mine/chase.mustache:6: no value for claim.reference"), "\(result.stderr)")
    }

    /// Issue 22.2: check reduces each claim's data to its shape and renders one claim per shape;
    /// a blank for exactly one claim of 100,000 is still found, and named by its line.
    @Test func aBlankForOneClaimInAHundredThousandIsNamedByItsLine() throws {
        let folder = try PracticeFolder()
        var lines = ["claim_id,service,category,period,amount,submitted_on,reference,notes"]
        lines.reserveCapacity(100_001)
        for index in 1...100_000 {
            // Claim 54,321 alone has no reference; every tenth has notes, every seventh is paid.
            let reference = index == 54_321 ? "" : "REF-\(index)"
            let category = ["DES", "QOF", "LES", "PH"][index % 4]
            lines.append(
                "C-\(index),Minor surgery DES,\(category),Q2 2026/27,\(100 + index % 900).\(index % 100 < 10 ? "0" : "")\(index % 100),2026-0\(1 + index % 9)-1\(index % 9),\(reference),\(index % 10 == 0 ? "seen" : "")"
            )
        }
        try folder.write("claims.csv", lines.joined(separator: "\n") + "\n")
        try folder.write("mine/chase.mustache", TemplateText.email(subject: "Payment for {{claim.id}}", body: "Your reference: {{claim.reference}}"))
        let result = try folder.paychase("check", "--templates", "mine", "--as-of", "2026-11-22")
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "claims.csv:54322: mine/chase.mustache:6: no value for claim.reference (wrap it in {{#claim.reference}}...{{/claim.reference}} if it may be blank) (claim C-54321)\n"
        )
    }
}

extension CheckCommandTests {
    @Test func aPMSPracticeWithoutItsProvisionPassesWithAWarningNamingWhatItBlocks() throws {
        let folder = try PracticeFolder()
        let profile = try folder.read("paychase.yaml").replacingOccurrences(of: "contract: GMS", with: "contract: PMS")
        try folder.write("paychase.yaml", profile.replacingOccurrences(of: "kind: gms", with: "kind: pms"))
        let result = try folder.paychase("check", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("OK: 6 claims"))
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(
            warnings.contains {
                $0.hasPrefix("warning: late-payment-notice cannot be drafted until paychase.yaml sets practice.late_payment_provision:")
            }
        )

        // The notice itself is refused, naming the setting, and nothing is written for it.
        let draft = try folder.paychase("draft", "late-payment-notice", "--claim", "Q-2026-001", "--as-of", "2026-11-22", "--force")
        #expect(draft.status == 78)
        #expect(draft.stderr.contains("practice.late_payment_provision"))
        #expect(folder.files(under: "Outbox/drafts").isEmpty)
    }

    /// Issue 19.1: a profile written before contracts: still checks clean, says once how its
    /// contracts were made, and names the claim no agreement places, with its line.
    @Test func anOlderProfileChecksAndNamesTheClaimItCouldNotPlace() throws {
        let folder = try PracticeFolder()
        let profile = try folder.read("paychase.yaml")
        let start = try #require(profile.range(of: "contracts:"))
        let end = try #require(profile.range(of: "\npaymasters:"))
        try folder.write("paychase.yaml", String(profile[..<start.lowerBound]) + String(profile[end.lowerBound...]).dropFirst())
        let result = try folder.paychase("check", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("OK: 6 claims"))
        let notes = result.stderr.split(separator: "\n").filter { $0.hasPrefix("note: ") }
        #expect(notes.contains { $0.contains("paychase.yaml: contracts: is not set, so the GMS contract is made from practice: and commissioner:") })
        #expect(
            notes.contains {
                $0.hasSuffix(
                    "claims.csv:6: contract: not placed under a contract: the profile has no lcs contract for LES claims; list its agreement under paychase.yaml's contracts:"
                )
            },
            "\(notes)"
        )
    }

    @Test func aCCGPaymasterIsReadAsTheICBWithANote() throws {
        let folder = try PracticeFolder()
        try folder.write("claims.csv", try folder.read("claims.csv").replacingOccurrences(of: ",icb,", with: ",ccg,"))
        let result = try folder.paychase("check", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        let notes = result.stderr.split(separator: "\n").filter { $0.hasPrefix("note: ") }
        #expect(notes.count == 1)
        #expect(notes.first?.contains("ccg") == true && notes.first?.contains("icb") == true)
        let status = try folder.paychase("status", "--as-of", "2026-11-22")
        #expect(status.stdout.split(separator: "\n").first { $0.hasPrefix("Q-2026-001") }?.contains(" icb ") == true)
    }
}

/// Issue 19.5: a letter stating interest whose reference date is after the Bank Rate table was
/// checked through is refused, saying how to add the rate; --bank-rate gives it for one run.
struct BankRateRefusalTests {
    @Test func aLetterNeedingARateTheTableDoesNotHoldIsRefusedUntilItIsGiven() throws {
        let folder = try PracticeFolder()
        try folder.write(
            "claims.csv",
            "claim_id,service,category,period,amount,submitted_on\nP-2027-001,NHS Health Checks,PH,Q3 2026/27,500.00,2026-12-10\n"
        )
        // Day 30 of the period beginning 10 December is 8 January 2027: interest from the 9th, at
        // the rate in force on 31 December 2026, after the table's checked-through day.
        let refused = try folder.paychase("draft", "letter-before-claim", "--claim", "P-2027-001", "--as-of", "2027-02-15", "--force")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("needs the Bank Rate in force on 31 December 2026"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--bank-rate"))
        #expect(!folder.exists("Outbox/drafts/P-2027-001/letter-before-claim.eml"), "nothing half-written")
        let status = try folder.paychase("status", "--as-of", "2027-02-15")
        #expect(
            status.stdout.contains("INTEREST for P-2027-001 is not worked out: Templates/bank-rate.csv is checked through 30 June 2026"),
            "\(status.stdout)"
        )
        let given = try folder.paychase(
            "draft",
            "letter-before-claim",
            "--claim",
            "P-2027-001",
            "--as-of",
            "2027-02-15",
            "--bank-rate",
            "3.50",
            "--force"
        )
        #expect(given.status == 0, "\(given.stderr)")
        let letter = try ParsedEmail.parse(path: folder.path + "/Outbox/drafts/P-2027-001/letter-before-claim.eml").body ?? ""
        #expect(letter.contains("official dealing rate (Bank Rate) of 3.5% in force on 31 December 2026"), "\(letter)")
    }
}
