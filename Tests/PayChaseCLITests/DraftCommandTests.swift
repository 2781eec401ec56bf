import Foundation
import PayChaseTestSupport
import Testing

struct DraftCommandTests {
    @Test func draftsAChaseForEveryOverdueClaim() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("draft", "chase", "--overdue", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        let expected = ["Q-2026-001", "D-2026-014", "L-2026-007", "P-2026-003"].map { "Outbox/drafts/\($0)/chase.eml" }
        #expect(result.stdout.split(separator: "\n").map(String.init) == expected)
        #expect(folder.files(under: "Outbox") == expected.sorted())

        let parsed = try ParsedEmail.parse(path: folder.url.appendingPathComponent(expected[0]).path)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.header("Subject") == "Payment query: QOF achievement 2025/26 (F84001, our ref Q-2026-001)")
        #expect(parsed.toAddresses == ["nelicb.payments@nhs.example"], "QOF is paid by the ICB")
        #expect(parsed.fromAddresses == ["manager@riverside.example"])
        #expect(parsed.header("X-Unsent") == "1")
        #expect(parsed.header("Disposition-Notification-To") == "<manager@riverside.example>")
        #expect(parsed.header("Return-Receipt-To") == "<manager@riverside.example>")
        #expect(parsed.header("Date")?.hasSuffix(" +0000") == true || parsed.header("Date")?.hasSuffix(" +0100") == true)
        let body = try #require(parsed.body)
        #expect(body.contains("Outstanding: £3,480.00"))
        #expect(body.contains("Payment was due by: 30 June 2026"))
        #expect(body.contains("145 days overdue"))

        let icb = try ParsedEmail.parse(path: folder.url.appendingPathComponent(expected[1]).path)
        #expect(icb.toNames == ["NHS North East London ICB (primary care payments)"])
        #expect(icb.body?.hasPrefix("Dear Ms Ní Bhriain,") == true)
        #expect(icb.body?.contains("Yours sincerely,") == true)
        // Contraceptive implants are the council's public-health service, chased at the council.
        for council in [expected[2], expected[3]] {
            #expect(try ParsedEmail.parse(path: folder.url.appendingPathComponent(council).path).toNames == ["London Borough of Tower Hamlets"])
        }
    }

    @Test func everyDraftIsStrictRFC5322() throws {
        let folder = try PracticeFolder()
        _ = try folder.paychase("draft", "appeal", "--overdue", "--as-of", "2026-11-22")
        let ids = folder.files(under: "Outbox/drafts").filter { $0.hasSuffix(".eml") }
        #expect(ids.count == 2, "every GP contract claim overdue (QOF and DES), whoever pays it")
        var messageIDs = Set<String>()
        for name in ids {
            let bytes = try Data(contentsOf: folder.url.appendingPathComponent(name))
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(name): bare LF")
            #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
            let parsed = try ParsedEmail.parse(path: folder.url.appendingPathComponent(name).path)
            #expect(parsed.defects.isEmpty)
            #expect(parsed.body?.hasPrefix("Dear Sir or Madam,") == true)
            messageIDs.insert(try #require(parsed.header("Message-ID")))
        }
        #expect(messageIDs.count == ids.count, "every message has its own Message-ID")
    }

    @Test func lettersAreWrittenAsPDFBesideTheEmail() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("draft", "late-payment-notice", "--claim", "Q-2026-001", "--as-of", "2026-11-22", "--force")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Outbox/drafts/Q-2026-001/late-payment-notice.eml\nOutbox/drafts/Q-2026-001/late-payment-notice.pdf\n")
        #expect(
            result.stderr.contains("Q-2026-001: late-payment-notice drafted with --force, although the record shows no chase, appeal, lmc-referral")
        )
        let letter = try PDFTools.text(folder.path + "/Outbox/drafts/Q-2026-001/late-payment-notice.pdf")
        #expect(letter.contains("22 November 2026"))
        #expect(letter.contains("Our ref: Q-2026-001"))
        #expect(letter.contains("Your ref: CQRS-88123"))
        // Drafted on Sunday 22 November 2026: given on Tuesday 24 November, the second working day after posting.
        #expect(letter.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("given on 24 November 2026"))
        #expect(letter.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("on or after 22 December 2026"))
        #expect(letter.contains("Yours faithfully,"))
        #expect(!folder.exists("Outbox/drafts/Q-2026-001/late-payment-notice.txt"))
    }

    @Test func theFormalComplaintWarnsAboutRegulation8() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("draft", "formal-complaint", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(result.status == 0)
        #expect(
            result.stderr.contains(
                "warning: formal-complaint for claim D-2026-014: The 2009 Complaints Regulations' definition of a responsible body (regulation 2) includes a GP contractor"
            )
        )
        #expect(
            result.stderr.contains(
                "regulation 8(1)(a) says a complaint made by a responsible body does not have to be dealt with under the Regulations: NHS North East London Integrated Care Board can decline this complaint"
            )
        )
        #expect(!result.stderr.contains("may include") && !result.stderr.contains("require"), "the warning says plainly that the body can decline")
        #expect(result.stderr.contains("A complaint must be made within 12 months: by 4 November 2027."))
        #expect(folder.exists("Outbox/drafts/D-2026-014/formal-complaint.pdf"))
    }

    @Test func aClaimWithALineBreakInAHeaderFieldIsRefusedAndNothingIsWritten() throws {
        let folder = try PracticeFolder()
        try folder.write(
            "claims.csv",
            """
            claim_id,service,category,period,amount,submitted_on
            A-1,"Dementia DES\r\nBcc: victim@example.org",DES,2013/14,10,30/09/2013
            A-2,Dementia DES,DES,2013/14,10,30/09/2013
            """
        )
        let check = try folder.paychase("check")
        #expect(check.status == 65)
        #expect(check.stderr.contains("claims.csv:2: service: contains a line break"))
        let draft = try folder.paychase("draft", "chase", "--overdue")
        #expect(draft.status == 65)
        #expect(!folder.exists("Outbox"), "a bad claims file writes nothing at all")
    }

    @Test func templateTextThatWouldBreakAHeaderIsRefusedForThatClaimOnly() throws {
        let folder = try PracticeFolder()
        try folder.write("mine/note.mustache", TemplateText.email(subject: "{{claim.id}}: {{claim.notes}}", body: "{{claim.notes}}"))
        try folder.write(
            "claims.csv",
            """
            claim_id,service,category,period,amount,submitted_on,notes
            A-1,Dementia DES,DES,2013/14,10,30/09/2013,"two
            lines"
            A-2,Dementia DES,DES,2013/14,10,30/09/2013,one line
            """
        )
        let result = try folder.paychase("draft", "note", "--claim", "A-1", "A-2", "--templates", "mine")
        #expect(result.status == 65)
        #expect(result.stdout == "Outbox/drafts/A-2/note.eml\n")
        #expect(result.stderr.contains("claim A-1: note: Subject: 'A-1: two\\nlines' contains a line break"))
        #expect(!folder.exists("Outbox/drafts/A-1"))

        let check = try folder.paychase("check", "--templates", "mine")
        #expect(check.status == 65)
        #expect(check.stderr.contains("mine/note.mustache:4: the subject would contain a line break"))
        #expect(check.stderr.contains("(claim A-1)"))
    }

    @Test func aMissingValueFailsThatClaimAndNamesTheVariable() throws {
        let folder = try PracticeFolder()
        try folder.write("mine/ref.mustache", TemplateText.email(subject: "About {{claim.id}}", body: "Your reference: {{claim.reference}}"))
        let result = try folder.paychase("draft", "ref", "--claim", "L-2026-011", "--templates", "mine")
        #expect(result.status == 65)
        #expect(result.stderr.contains("mine/ref.mustache:6: no value for claim.reference"))
        #expect(result.stderr.contains("(claim L-2026-011)"))
        #expect(!folder.exists("Outbox/drafts/L-2026-011"))
    }

    @Test func usageErrorsExit64() throws {
        let folder = try PracticeFolder()
        let unknownTemplate = try folder.paychase("draft", "begging-letter", "--overdue")
        #expect(unknownTemplate.status == 64)
        #expect(unknownTemplate.stderr.contains("there is no template called 'begging-letter'"))
        let unknownClaim = try folder.paychase("draft", "chase", "--claim", "NOPE")
        #expect(unknownClaim.status == 64)
        #expect(unknownClaim.stderr.contains("claim 'NOPE' is not in claims.csv"))
        let neither = try folder.paychase("draft", "chase")
        #expect(neither.status == 64)
        #expect(neither.stderr.contains("give either --claim ID ... or --overdue"))
    }

    @Test func skipsClaimsATemplateIsNotFor() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("draft", "appeal", "--overdue", "--as-of", "2026-11-22")
        #expect(result.status == 0)
        #expect(result.stderr.contains("P-2026-003: skipped, appeal is only for claims under the GP contract"))
        #expect(folder.exists("Outbox/drafts/D-2026-014/appeal.eml"), "an ICB-paid DES takes the contract route")
        #expect(result.stderr.contains("L-2026-007: skipped, appeal is only for claims under the GP contract"), "the council's implants")
        let explicit = try folder.paychase("draft", "appeal", "--claim", "P-2026-003")
        #expect(explicit.status == 65)
        #expect(
            explicit.stderr
                == "P-2026-003: skipped, appeal is only for claims under the GP contract\n1 claim(s) not drafted; nothing was written for them.\n"
        )
    }

    /// Issue 19.10: a serious step out of turn is refused, naming what the record lacks.
    @Test func aSeriousStepOutOfTurnNeedsForce() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("draft", "late-payment-notice", "--claim", "Q-2026-001", "--as-of", "2026-11-22")
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                "Q-2026-001: late-payment-notice is a serious step and the record shows no chase, appeal, lmc-referral, partners-decision before it; draft those first (paychase draft next), or give --force to draft it anyway"
            ),
            "\(result.stderr)"
        )
        #expect(folder.files(under: "Outbox").isEmpty, "nothing written")
    }

    /// Issue 19.10: `draft next` drafts, per claim, only what status proposes today.
    @Test func draftNextDraftsOnlyTheStepStatusProposes() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("draft", "next", "--overdue", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        // Nothing was sent yet: each overdue claim's next step is its first chase, and nothing else.
        let expected = ["Q-2026-001", "D-2026-014", "L-2026-007", "P-2026-003"].map { "Outbox/drafts/\($0)/chase.eml" }
        #expect(result.stdout.split(separator: "\n").map(String.init) == expected)
        #expect(folder.files(under: "Outbox") == expected.sorted())
        let notDue = try folder.paychase("draft", "next", "--claim", "L-2026-011", "--as-of", "2026-11-22")
        #expect(notDue.stderr.contains("L-2026-011: nothing to draft today; next step: wait until 11 December 2026, then chase"), "\(notDue.stderr)")
        #expect(!folder.exists("Outbox/drafts/L-2026-011"))
    }
}
