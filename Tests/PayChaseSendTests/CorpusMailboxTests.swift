import Foundation
import PayChaseTestSupport
import Testing

extension SendTests {
    static let corpus = TestPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/bounces")

    /// The 158 real bounces and automatic replies, filed in a mailbox folder of their own next to
    /// four copies that were rewritten to name emails PayChase sent: `receipts` reads all 162
    /// without a crash, records exactly the four, moves only those, and leaves the rest alone.
    @Test func theRealWorldCorpusIsReadAndOnlyWhatNamesOurEmailsIsRecorded() throws {
        let practice = try SendingPractice()
        let sent = try practice.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22")
        #expect(sent.status == 0, "\(sent.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".eml") }.sorted()
        #expect(names.count == 158)
        func corpus(_ name: String) throws -> String {
            String(decoding: try Data(contentsOf: Self.corpus.appendingPathComponent(name)), as: UTF8.self)
        }
        // Each copy names one of our emails where the original named its own message.
        let rewritten = [
            ("lhost-exchange2007-02.eml", "20110429233445.FFFFFFFFEEE@neko.example.com", "Q-2026-001"),
            ("lhost-office365-04.eml", "SLXP216MB0381A8F03A83505296890D11A9950@SLXP216MB0381.KORP216.PROD.OUTLOOK.COM", "D-2026-014"),
            ("lhost-postfix-05.eml", "FFFFFFFF.0000000@example.co.jp", "L-2026-007"),
            ("rfc3834-05.eml", "foobar@dummy.org", "P-2026-003"),
        ]
        var messages = try names.map { Array(try corpus($0).utf8) }
        for (name, theirs, claim) in rewritten {
            let text = try corpus(name)
            #expect(text.contains(theirs))
            messages.append(Array(text.replacingOccurrences(of: theirs, with: try practice.sentMessageID(claim)).utf8))
        }
        let folder = "Corpus-\(UUID().uuidString.prefix(8))"
        try practice.rig.imapAppendAll(user: "manager@riverside.example", folder: folder, messages: messages)
        try practice.configureIMAP(url: "imap://localhost:\(practice.rig.imapPort)/\(folder)", processedFolder: "\(folder)-recorded")

        let result = try practice.paychase("receipts", "--json")
        #expect(result.status == 0, "\(result.stderr) \(result.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["read"] as? Int == 162)
        let recorded = try #require(json["recorded"] as? [[String: Any]])
        #expect(
            recorded.map { $0["claim_id"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["D-2026-014", "L-2026-007", "P-2026-003", "Q-2026-001"]
        )
        #expect(recorded.first { $0["claim_id"] as? String == "P-2026-003" }?["kind"] as? String == "automatic-reply")
        #expect(recorded.filter { $0["kind"] as? String == "delivery-status" }.count == 3)
        #expect((json["unmatched"] as? Int ?? 0) + (json["unrelated"] as? Int ?? 0) == 158)

        // Recorded once each, kept as read, moved; the rest left where they were, unread.
        #expect(try practice.logEntries().filter { $0["receipt"] != nil }.count == 4)
        #expect(practice.folder.files(under: "Outbox/receipts").filter { $0.hasSuffix(".eml") }.count == 4)
        #expect(try practice.rig.imapFolderCount(user: "manager@riverside.example", folder: "\(folder)-recorded") == 4)
        let left = try practice.rig.imapSeenFlags(user: "manager@riverside.example", folder: folder)
        #expect(left.count == 158 && left.allSatisfy { !$0 }, "what names no email of ours is never marked read")
        #expect(try practice.paychase("log", "--verify").status == 0)

        let again = try practice.paychase("receipts")
        #expect(
            again.stdout.hasSuffix("0 messages read: 0 recorded, 0 already recorded, 0 naming no email PayChase sent, 0 unrelated (left alone)\n")
        )
    }
}
