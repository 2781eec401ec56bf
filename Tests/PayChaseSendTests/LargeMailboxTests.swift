import Foundation
import Logging
import PayChaseJobs
import PayChaseTestSupport
import PayChaseTransport
import Testing

@testable import PayChaseIMAP

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

    /// Messages are fetched several to a command while what libcurl counts of the answer (each
    /// message's bytes again at every response after it) stays in budget: 400 messages of 1 to
    /// 40 KB, many commands near the budget, are every one read through the real Dovecot; and
    /// two of 155 KB, one command by the budget but more than libcurl takes in one answer, are
    /// asked for again one by one.
    @Test func messagesFetchedSeveralToACommandAreEveryOneRead() throws {
        let sizes = [155_000, 155_000] + (0..<400).map { 1_000 + ($0 * 7_919) % 39_000 }
        let batches = IMAPSession.batches(sizes.enumerated().map { (UInt32($0.offset + 1), $0.element) })
        #expect(batches.flatMap { $0 } == (1...402).map(UInt32.init), "every message once, in order")
        #expect(batches.first == [1, 2], "one command by the budget, past libcurl's 300 KiB answer")
        for batch in batches where batch.count > 1 {
            var bytes = 0
            var counted = 0
            for uid in batch {
                bytes += sizes[Int(uid) - 1] + IMAPSession.responseOverhead
                counted += bytes
            }
            #expect(counted <= IMAPSession.batchBudget && batch.count <= IMAPSession.batchMost)
        }
        #expect(batches.contains { $0.count > 4 }, "small messages go several to a command")

        let practice = try SendingPractice()
        let folder = "Sizes-\(UUID().uuidString.prefix(8))"
        try practice.rig.imapAppendAll(
            user: "manager@riverside.example",
            folder: folder,
            messages: sizes.enumerated().map { index, size in
                let head =
                    "From: news@lmc.example\r\nTo: manager@riverside.example\r\nSubject: LMC news \(index)\r\nMessage-ID: <size\(index)@lmc.example>\r\n\r\n"
                let line = "News of the week, item \(index), with enough words to fill the line.\r\n"
                return Array((head + String(repeating: line, count: max(1, (size - head.utf8.count) / line.utf8.count))).utf8)
            }
        )
        try practice.configureIMAP(url: "imap://localhost:\(practice.rig.imapPort)/\(folder)")
        let read = try practice.paychase("receipts")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(
            read.stdout.contains("402 messages read: 0 recorded, 0 already recorded, 0 naming no email PayChase sent, 402 unrelated"),
            "\(read.stdout)"
        )
    }

    /// The second connection, which fetches ahead, fails (a server's limit on connections, a
    /// dropped line): the first reads the rest alone, and every message is read and recorded.
    @Test func whenTheSecondConnectionFailsTheFirstReadsOnAlone() throws {
        let practice = try SendingPractice()
        #expect(try practice.paychase("send", "chase", "--claim", "Q-2026-001", "--as-of", "2026-11-22").status == 0)
        let folder = "Second-\(UUID().uuidString.prefix(8))"
        let news = (1...450).map { index in
            Array("From: news@lmc.example\r\nSubject: LMC news \(index)\r\nMessage-ID: <second\(index)@lmc.example>\r\n\r\nNews.\r\n".utf8)
        }
        let receipt = try fixture("receipts/outlook-read.eml", about: try practice.sentMessageID("Q-2026-001"))
        try practice.rig.imapAppendAll(user: "manager@riverside.example", folder: folder, messages: news + [receipt])
        try practice.configureIMAP(url: "imap://localhost:\(practice.rig.imapPort)/\(folder)")
        let path = practice.folder.path
        var job = ReturnedMailJob(
            workspace: Workspace(
                configPath: path + "/paychase.yaml",
                claimsPath: path + "/claims.csv",
                templatesPath: nil,
                builtinTemplatesPath: TestPaths.templates.path,
                outboxPath: path + "/Outbox"
            )
        )
        job.environment = practice.passwordEnvironment
        let opened = Opened()
        job.mailbox = { configuration, logger throws(MailServerError) in
            let session = try MailTransports.imap(configuration, logger)
            return opened.next() == 1 ? session : DroppedFetches(session)
        }
        let result = try job.run(logger: Logger(label: "test"))
        #expect(opened.count >= 2, "a second connection was asked for")
        #expect(result.read == 451, "every message read")
        #expect(result.recorded.map(\.claimID) == ["Q-2026-001"])
    }

    /// Counts the connections a job opens.
    final class Opened: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var count = 0
        func next() -> Int {
            lock.withLock {
                count += 1
                return count
            }
        }
    }

    /// A real connection whose fetches fail, as a dropped one would.
    final class DroppedFetches: MailStore, @unchecked Sendable {
        let inner: any MailStore
        init(_ inner: any MailStore) { self.inner = inner }
        var server: String { inner.server }
        var folder: String { inner.folder }
        func status(of folder: String) throws(MailServerError) -> MailboxStatus { try inner.status(of: folder) }
        func uids(in folder: String, from first: UInt32, below next: UInt32) throws(MailServerError) -> [UInt32] {
            try inner.uids(in: folder, from: first, below: next)
        }
        func fetch(_ uids: [UInt32], in folder: String) throws(MailServerError) -> [UInt32: [UInt8]] {
            throw MailServerError(.unavailable, "the connection dropped")
        }
        func markSeen(_ uids: [UInt32], in folder: String) throws(MailServerError) { try inner.markSeen(uids, in: folder) }
        func move(_ uids: [UInt32], in folder: String, to destination: String) throws(MailServerError) {
            try inner.move(uids, in: folder, to: destination)
        }
        func sentFolder() -> String? { inner.sentFolder() }
        func contains(messageID: String, in folder: String) throws(MailServerError) -> Bool { try inner.contains(messageID: messageID, in: folder) }
        func append(_ message: [UInt8], to folder: String) throws(MailServerError) { try inner.append(message, to: folder) }
    }
}
