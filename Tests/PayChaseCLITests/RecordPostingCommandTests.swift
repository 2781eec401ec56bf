import Foundation
import PayChaseTestSupport
import Testing

/// A printed letter recorded as posted becomes a record entry and counts as sent from then on.
struct RecordPostingCommandTests {
    @Test func aPostedLetterIsRecordedOnceWithItsPDFHashAndCounts() throws {
        let folder = try PracticeFolder()
        #expect(try folder.paychase("print", "appeal", "--claim", "D-2026-014", "--as-of", "2026-11-22").status == 0)
        let pdf = folder.path + "/Outbox/letters/D-2026-014-appeal.pdf"
        let sha = String(try Command.run("/usr/bin/sha256sum", [pdf]).stdout.prefix(64))

        let posted = try folder.paychase(
            "record-posting",
            "appeal",
            "--claim",
            "D-2026-014",
            "--on",
            "2026-11-23",
            "--method",
            "recorded delivery",
            "--tracking",
            "AB123456789GB"
        )
        #expect(posted.status == 0, "\(posted.stderr)")
        #expect(posted.stdout == "D-2026-014: appeal posted 23 November 2026 (recorded delivery, tracking AB123456789GB), PDF SHA-256 \(sha)\n")

        let lines = try folder.read("Outbox/deliveries.jsonl").split(separator: "\n")
        #expect(lines.count == 1)
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(entry["outcome"] as? String == "posted")
        #expect(entry["claim_id"] as? String == "D-2026-014")
        #expect(entry["template"] as? String == "appeal")
        #expect(entry["sha256"] as? String == sha, "the record holds the hash of the PDF that was printed")
        #expect(entry["posted_on"] as? String == "2026-11-23")
        #expect(entry["method"] as? String == "recorded delivery")
        #expect(entry["tracking"] as? String == "AB123456789GB")
        #expect(entry["document"] as? String == "letters/D-2026-014-appeal.pdf")
        #expect(entry["to"] as? [String] == ["NHS North East London Integrated Care Board"], "appeals go to the commissioner")

        let again = try folder.paychase("record-posting", "appeal", "--claim", "D-2026-014", "--on", "2026-11-24")
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains("D-2026-014: this appeal was already recorded as posted on 2026-11-23; not recorded again"))
        #expect(try folder.read("Outbox/deliveries.jsonl").split(separator: "\n").count == 1, "recorded once")
        #expect(try folder.paychase("log", "--verify").status == 0)

        // The ladder counts it: one sent, and the next step waits 14 days from the posting.
        let status = try folder.paychase("status", "--as-of", "2026-11-24")
        let row = try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("D-2026-014") })
        #expect(row.contains("  1  "), "the posted letter counts as sent")
        #expect(row.hasSuffix("wait until 7 December 2026, then lmc-referral"))

        // Later documents list it in their history, by post.
        #expect(try folder.paychase("draft", "lmc-referral", "--claim", "D-2026-014", "--as-of", "2026-12-08").status == 0)
        let referral = try ParsedEmail.parse(path: folder.path + "/Outbox/drafts/D-2026-014/lmc-referral.eml")
        #expect(referral.body?.contains("- 23 November 2026: payment appeal by post to NHS North East London Integrated Care Board") == true)
    }

    @Test func onlyAPrintedLetterCanBeRecorded() throws {
        let folder = try PracticeFolder()
        let unprinted = try folder.paychase("record-posting", "appeal", "--claim", "Q-2026-001")
        #expect(unprinted.status == 64)
        #expect(unprinted.stderr.contains("there is no printed appeal for claim Q-2026-001: run 'paychase print appeal --claim Q-2026-001'"))
        let email = try folder.paychase("record-posting", "chase", "--claim", "Q-2026-001")
        #expect(email.status == 64)
        #expect(email.stderr.contains("chase is an email, not a letter"))
        #expect(!folder.exists("Outbox/deliveries.jsonl"), "nothing recorded")
    }

    @Test func aTrackingReferenceWithALineBreakIsRefused() throws {
        let folder = try PracticeFolder()
        #expect(try folder.paychase("print", "appeal", "--claim", "D-2026-014", "--as-of", "2026-11-22").status == 0)
        let result = try folder.paychase("record-posting", "appeal", "--claim", "D-2026-014", "--tracking", "AB1\nX-Injected: yes")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--tracking must be one line of at most 200 characters"))
        #expect(!folder.exists("Outbox/deliveries.jsonl"))
    }
}
