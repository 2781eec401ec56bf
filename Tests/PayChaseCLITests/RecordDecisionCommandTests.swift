import Foundation
import PayChaseTestSupport
import Testing

/// Issue 19.11: the partners' decision record, a one-page minute they sign before a late-payment
/// notice or a letter before claim, and its recording.
struct RecordDecisionCommandTests {
    @Test func theMinuteIsPrintedForThePartnersToSignAndRecordedOnce() throws {
        let folder = try PracticeFolder()
        let drafted = try folder.paychase("draft", "partners-decision", "--claim", "Q-2026-001", "--as-of", "2026-11-22")
        #expect(drafted.status == 0, "\(drafted.stderr)")
        #expect(drafted.stdout == "Outbox/drafts/Q-2026-001/partners-decision.pdf\n", "a minute is printed, never emailed")
        #expect(drafted.stderr.contains("never sent"), "\(drafted.stderr)")
        let pdf = folder.path + "/Outbox/drafts/Q-2026-001/partners-decision.pdf"
        let minute = try PDFTools.text(pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(minute.contains("Partners' decision: late-payment notice for QOF achievement, 2025/26"))
        // pdftotext drops the hyphen where "late-payment" breaks across lines.
        let unbroken = minute.replacingOccurrences(of: "latepayment", with: "late-payment")
        #expect(
            unbroken.contains(
                "Decision: the contractor gives NHS North East London Integrated Care Board a late-payment notice under paragraph 63 of Schedule 3 to the National Health Service (General Medical Services Contracts) Regulations 2015 for the £3,480.00 unpaid"
            ),
            "\(minute)"
        )
        #expect(minute.contains("Dr B Jones Signature: ______________________ Date: ____________"), "a line for each partner to sign")
        #expect(!minute.contains("Dear") && !minute.contains("Yours"), "a minute, not a letter")
        #expect(try PDFTools.info(pdf).pages == 1, "one page")

        // Until it is recorded, drafting the notice out of turn names it among what is missing.
        let before = try folder.paychase("draft", "late-payment-notice", "--claim", "Q-2026-001", "--as-of", "2026-11-22")
        #expect(before.stderr.contains("shows no chase, appeal, lmc-referral, partners-decision before it"), "\(before.stderr)")

        let sha = String(try Command.run("/usr/bin/sha256sum", [pdf]).stdout.prefix(64))
        let recorded = try folder.paychase(
            "record-decision",
            "late-payment-notice",
            "--claim",
            "Q-2026-001",
            "--on",
            "2026-11-23",
            "--agreed-by",
            "Dr A Shah",
            "--agreed-by",
            "Dr B Jones"
        )
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(
            recorded.stdout
                == "Q-2026-001: the partners agreed on 23 November 2026 to give the late-payment-notice (Dr A Shah, Dr B Jones), minute SHA-256 \(sha)\n"
        )
        let lines = try folder.read("Outbox/deliveries.jsonl").split(separator: "\n")
        #expect(lines.count == 1)
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(entry["outcome"] as? String == "decision")
        #expect(entry["template"] as? String == "partners-decision")
        #expect(entry["subject"] as? String == "late-payment-notice")
        #expect(entry["to"] as? [String] == ["Dr A Shah", "Dr B Jones"])
        #expect(entry["sha256"] as? String == sha, "the record holds the hash of the minute that was signed")

        let again = try folder.paychase("record-decision", "late-payment-notice", "--claim", "Q-2026-001", "--agreed-by", "Dr A Shah")
        #expect(again.stderr.contains("Q-2026-001: this signed minute was already recorded (decision of 2026-11-23); not recorded again"))
        #expect(try folder.read("Outbox/deliveries.jsonl").split(separator: "\n").count == 1, "recorded once")
        #expect(try folder.paychase("log", "--verify").status == 0)
        // The minute is about the notice: it is not a decision to send a letter before claim.
        let other = try folder.paychase("record-decision", "letter-before-claim", "--claim", "Q-2026-001", "--agreed-by", "Dr A Shah")
        #expect(other.status == 64 && other.stderr.contains("is about the late-payment-notice, the step its record calls for now"), "\(other.stderr)")
        // The evidence pack carries the signed minute, byte for byte.
        let evidence = try folder.paychase("evidence", "Q-2026-001")
        #expect(evidence.status == 0, "\(evidence.stderr)")
        let packed = folder.path + "/Outbox/evidence/Q-2026-001/decisions/01-partners-decision.pdf"
        #expect(String(try Command.run("/usr/bin/sha256sum", [packed]).stdout.prefix(64)) == sha)
        // Drafting the minute again (for a later step, say) replaces the draft, never the signed copy the record names.
        #expect(try folder.paychase("draft", "partners-decision", "--claim", "Q-2026-001", "--as-of", "2026-12-01").status == 0)
        #expect(try folder.paychase("evidence", "Q-2026-001").status == 0, "the recorded minute still checks")

        // Recorded, the decision is no longer missing before the notice.
        let after = try folder.paychase("draft", "late-payment-notice", "--claim", "Q-2026-001", "--as-of", "2026-11-24")
        #expect(after.stderr.contains("shows no chase, appeal, lmc-referral before it"), "\(after.stderr)")
    }

    @Test func aDecisionIsRefusedWithoutItsMinuteItsPartnersOrAStepTheyDecide() throws {
        let folder = try PracticeFolder()
        let unprinted = try folder.paychase("record-decision", "late-payment-notice", "--claim", "Q-2026-001", "--agreed-by", "Dr A Shah")
        #expect(unprinted.status == 64)
        #expect(unprinted.stderr.contains("there is no printed partners-decision for claim Q-2026-001"), "\(unprinted.stderr)")
        #expect(try folder.paychase("draft", "partners-decision", "--claim", "Q-2026-001", "--as-of", "2026-11-22").status == 0)
        let nobody = try folder.paychase("record-decision", "late-payment-notice", "--claim", "Q-2026-001")
        #expect(nobody.status == 64 && nobody.stderr.contains("name the partners who agreed, each with --agreed-by"), "\(nobody.stderr)")
        let appeal = try folder.paychase("record-decision", "appeal", "--claim", "Q-2026-001", "--agreed-by", "Dr A Shah")
        #expect(appeal.status == 64 && appeal.stderr.contains("'appeal' is not a step the partners decide on"), "\(appeal.stderr)")
        let injected = try folder.paychase("record-decision", "late-payment-notice", "--claim", "Q-2026-001", "--agreed-by", "Dr A Shah\r\nBcc: x@y")
        #expect(injected.status == 64 && injected.stderr.contains("--agreed-by must be one line"), "\(injected.stderr)")
        #expect(!folder.exists("Outbox/deliveries.jsonl"), "nothing recorded")
    }
}
