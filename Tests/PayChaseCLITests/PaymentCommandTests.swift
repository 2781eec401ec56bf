import Foundation
import PayChaseTestSupport
import Testing

/// A payment recorded lowers what is outstanding in every view: status, check and the documents.
struct PaymentCommandTests {
    @Test func aRecordedPaymentLowersWhatIsOutstandingEverywhere() throws {
        let folder = try PracticeFolder()
        let paid = try folder.paychase("payment", "Q-2026-001", "£1,000.00", "--on", "2026-11-20", "--ref", "BACS-123")
        #expect(paid.status == 0, "\(paid.stderr)")
        #expect(paid.stdout == "Q-2026-001: £1,000.00 received on 20 November 2026 recorded; £2,480.00 outstanding\n")

        let entry = try #require(try JSONSerialization.jsonObject(with: Data(try folder.read("Outbox/deliveries.jsonl").utf8)) as? [String: Any])
        #expect(entry["outcome"] as? String == "payment")
        let payment = try #require(entry["payment"] as? [String: Any])
        #expect(
            payment["pence"] as? Int == 100_000 && payment["received_on"] as? String == "2026-11-20" && payment["reference"] as? String == "BACS-123"
        )

        let status = try folder.paychase("status", "--as-of", "2026-11-22")
        let row = try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("Q-2026-001") })
        #expect(row.contains("£2,480.00"))
        #expect(row.contains("  0  "), "a payment is not a document sent")
        #expect(try folder.paychase("check", "--as-of", "2026-11-22").stdout.contains("£7,665.06 outstanding"))

        #expect(try folder.paychase("draft", "chase", "--claim", "Q-2026-001", "--as-of", "2026-11-22").status == 0)
        let chase = try ParsedEmail.parse(path: folder.path + "/Outbox/drafts/Q-2026-001/chase.eml")
        #expect(chase.body?.contains("£2,480.00") == true)
        #expect(chase.body?.contains("£3,480.00") == false)
        #expect(try folder.paychase("log", "--verify").status == 0)
    }

    @Test func moreThanIsOutstandingOrNothingIsRefused() throws {
        let folder = try PracticeFolder()
        let over = try folder.paychase("payment", "Q-2026-001", "5000")
        #expect(over.status == 64)
        #expect(over.stderr == "£5,000.00 is more than the £3,480.00 outstanding on Q-2026-001; record what was received for this claim only\n")
        #expect(try folder.paychase("payment", "Q-2026-001", "0").status == 64)
        #expect(try folder.paychase("payment", "Q-2026-001", "12.345").status == 64)
        #expect(try folder.paychase("payment", "NOPE-1", "10").stderr.contains("claim 'NOPE-1' is not in"))
        let twoLines = try folder.paychase("payment", "Q-2026-001", "10", "--ref", "BACS\n123")
        #expect(twoLines.status == 64)
        #expect(twoLines.stderr == "--ref must be one line of at most 200 characters\n", "the option named as the practice typed it")
        #expect(!folder.exists("Outbox/deliveries.jsonl"), "nothing recorded")
    }
}
