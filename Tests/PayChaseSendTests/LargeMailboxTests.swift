import Foundation
import PayChaseTestSupport
import Testing

extension SendTests {
    /// A mailbox of 2,500 messages — past the 8 KiB a `UID SEARCH` answer may have through
    /// libcurl — with one message of 400 KB among them: every message is read, the receipt for
    /// the one email PayChase sent is recorded whole, and the next run reads only what is new.
    @Test func aLargeMailboxIsReadWholeAndThenOnlyWhatIsNew() throws {
        let practice = try SendingPractice()
        #expect(try practice.paychase("send", "chase", "--claim", "Q-2026-001", "--as-of", "2026-11-22").status == 0)
        let folder = "Large-\(UUID().uuidString.prefix(8))"
        func newsletter(_ index: Int) -> [UInt8] {
            Array(
                "From: news@lmc.example\r\nTo: manager@riverside.example\r\nSubject: LMC news \(index)\r\nMessage-ID: <news\(index)@lmc.example>\r\n\r\nNews \(index).\r\n"
                    .utf8
            )
        }
        var receipt = try fixture("receipts/outlook-read.eml", about: try practice.sentMessageID("Q-2026-001"))
        // A receipt whose returned original carries a large attachment.
        let padding = (0..<5000).map { "padding line \($0) of the returned original, as base64 text would be\r\n" }.joined()
        receipt = Array(
            String(decoding: receipt, as: UTF8.self).replacingOccurrences(
                of: "\r\n\r\n",
                with: "\r\nX-Padding: yes\r\n\r\n" + padding,
                options: [],
                range: nil
            ).utf8
        )
        #expect(receipt.count > 300_000)
        try practice.rig.imapAppendAll(
            user: "manager@riverside.example",
            folder: folder,
            messages: (1...1200).map(newsletter) + [receipt] + (1201...2499).map(newsletter)
        )
        try practice.configureIMAP(url: "imap://localhost:\(practice.rig.imapPort)/\(folder)")

        let first = try practice.paychase("receipts")
        #expect(first.status == 0, "\(first.stderr)")
        // The chase went before imap: was set, so reading the mailbox also files its copy in Sent.
        #expect(
            first.stdout.hasSuffix(
                "2500 messages read: 1 recorded, 0 already recorded, 0 naming no email PayChase sent, 2499 unrelated (left alone)\n1 copy filed in Sent\n"
            ),
            "\(first.stdout)"
        )
        let kept = try #require(practice.folder.files(under: "Outbox/receipts/Q-2026-001").first)
        #expect(try Data(contentsOf: practice.folder.url.appendingPathComponent(kept)).count == receipt.count, "kept whole, byte for byte")

        try practice.rig.imapAppendOnly(user: "manager@riverside.example", folder: folder, messages: [newsletter(9001), newsletter(9002)])
        let next = try practice.paychase("receipts")
        #expect(
            next.stdout.hasSuffix("2 messages read: 0 recorded, 0 already recorded, 0 naming no email PayChase sent, 2 unrelated (left alone)\n"),
            "\(next.stdout)"
        )
    }
}
