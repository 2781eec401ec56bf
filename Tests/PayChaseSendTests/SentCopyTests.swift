import Foundation
import PayChaseTestSupport
import Testing

/// The copy in the mailbox's sent folder when IMAP is down at sending time: the send still
/// succeeds, says the copy waits, and the next run that reaches the mailbox files it, once.
struct SentCopyTests {
    @Test func aCopyNotFiledWhileIMAPWasDownIsFiledByTheNextRunOnce() throws {
        let practice = try SendingPractice()
        try practice.configureIMAP(url: "imap://localhost:1")
        let sent = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(sent.status == 0, "sending went well: \(sent.stderr)")
        #expect(sent.stdout.contains("1 accepted"))
        #expect(sent.stdout.contains("copies in the sent folder not filed this time (the next send or receipts run files them)"))
        #expect(try practice.logEntries().filter { $0["outcome"] as? String == "sent-items-copy" }.isEmpty)

        // The mailbox can be reached again.
        let profile = try practice.folder.read("paychase.yaml")
        try practice.folder.write(
            "paychase.yaml",
            profile.replacingOccurrences(of: "imap://localhost:1", with: "imap://localhost:\(practice.rig.imapPort)")
        )
        let read = try practice.paychase("receipts")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.hasSuffix("1 copy filed in Sent\n"))
        let again = try practice.paychase("receipts")
        #expect(!again.stdout.contains("filed in Sent"))

        let messageID = try practice.sentMessageID("D-2026-014")
        #expect(try practice.rig.imapMessageIDs(user: "manager@riverside.example", folder: "Sent").filter { $0 == messageID }.count == 1)
        let copies = try practice.logEntries().filter { $0["outcome"] as? String == "sent-items-copy" }
        #expect(copies.count == 1)
        #expect(copies.first?["reply"] as? String == "filed in Sent")
        #expect(try practice.paychase("log", "--verify").status == 0)
    }

    /// A run stopped between filing the copy and recording it files nothing twice: the copy is
    /// found in the folder by its Message-ID and only recorded.
    @Test func aCopyAlreadyInTheFolderIsRecordedNotFiledAgain() throws {
        let practice = try SendingPractice()
        let sent = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(sent.status == 0)
        let messageID = try practice.sentMessageID("D-2026-014")
        let file = try #require(practice.folder.files(under: "Outbox/sent").first)
        try practice.rig.imapAppendOnly(
            user: "manager@riverside.example",
            folder: "Sent",
            messages: [Array(try Data(contentsOf: practice.folder.url.appendingPathComponent(file)))]
        )
        try practice.configureIMAP()
        let read = try practice.paychase("receipts")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(try practice.rig.imapMessageIDs(user: "manager@riverside.example", folder: "Sent").filter { $0 == messageID }.count == 1)
        #expect(try practice.logEntries().filter { $0["outcome"] as? String == "sent-items-copy" }.first?["reply"] as? String == "already in Sent")
    }
}
