import Foundation
import PayChaseTestSupport
import Testing

/// What comes back, read over IMAP (TLS) from the practice mailbox Dovecot serves: a genuine
/// Postfix bounce, read receipts as Outlook and Thunderbird write them, a reply, an
/// out-of-office, and mail that has nothing to do with PayChase.
extension SendTests {
    static let mailFixtures = TestPaths.repository.appendingPathComponent("Tests/PayChaseMailTests/Fixtures")

    /// A fixture from the mail reader's tests, naming `messageID` where it named the sample one.
    func fixture(_ name: String, about messageID: String) throws -> [UInt8] {
        let text = String(decoding: try Data(contentsOf: Self.mailFixtures.appendingPathComponent(name)), as: UTF8.self)
        return Array(text.replacingOccurrences(of: "20261122T224058123-0000-Q-1@riverside.example", with: messageID).utf8)
    }

    /// Sends the overdue chases, the council's to an address Postfix bounces, then puts the rest
    /// of what comes back into the practice mailbox.
    func practiceWithMailBack() throws -> SendingPractice {
        let practice = try SendingPractice()
        try practice.configureIMAP()
        let profile = try practice.folder.read("paychase.yaml").replacingOccurrences(
            of: "email: publichealth@la.example",
            with: "email: public.health@bounce.example"
        )
        try practice.folder.write("paychase.yaml", profile)
        // L-2026-007, the council's implants, is paid through the ICB here (its paymaster column),
        // so its chase is delivered and an out-of-office can come back for it.
        let claims = try practice.folder.read("claims.csv")
        try practice.folder.write("claims.csv", claims.replacingOccurrences(of: "15/07/2026,,LBTH-PH-0441", with: "15/07/2026,icb,LBTH-PH-0441"))
        let sent = try practice.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22")
        #expect(sent.status == 0, "\(sent.stderr)")
        let rig = practice.rig
        #expect(try rig.waitForMessage(user: "manager@riverside.example", containing: try practice.sentMessageID("P-2026-003")), "Postfix bounced it")
        // The recipients' mail clients send their receipt, reply and out-of-office back through
        // the mail system, as in life.
        let manager = "manager@riverside.example"
        try rig.submit(
            try fixture("receipts/outlook-read.eml", about: try practice.sentMessageID("Q-2026-001")),
            from: "nelicb.payments@nhs.example",
            to: manager
        )
        try rig.submit(
            try fixture("replies/human-reply.eml", about: try practice.sentMessageID("D-2026-014")),
            from: "nelicb.payments@nhs.example",
            to: manager
        )
        try rig.submit(
            try fixture("replies/exchange-out-of-office.eml", about: try practice.sentMessageID("L-2026-007")),
            from: "nelicb.payments@nhs.example",
            to: manager
        )
        // A Thunderbird read receipt for a message PayChase never sent, and a newsletter.
        try rig.submit(try fixture("receipts/thunderbird-read.eml", about: "someone-else@elsewhere.example"), from: "help@lmc.example", to: manager)
        for sentID in ["Q-2026-001", "D-2026-014", "L-2026-007"] {
            #expect(try rig.waitForMessage(user: manager, containing: try practice.sentMessageID(sentID)), "what came back for \(sentID) arrived")
        }
        #expect(try rig.waitForMessage(user: manager, containing: "someone-else@elsewhere.example"))
        try rig.imapAppend(
            user: "manager@riverside.example",
            message: Array(
                "From: news@lmc.example\r\nTo: manager@riverside.example\r\nSubject: LMC news\r\nMessage-ID: <n1@lmc.example>\r\n\r\nNews.\r\n".utf8
            )
        )
        return practice
    }

    @Test func receiptsBouncesAndRepliesAreRecordedOnceAndChangeTheNextStep() throws {
        let practice = try practiceWithMailBack()
        let rig = practice.rig
        // The practice mailbox is the rig's, shared by the tests: count what this test adds.
        let seenBefore = try rig.imapSeenFlags(user: "manager@riverside.example").filter { $0 }.count
        let result = try practice.paychase("receipts")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Q-2026-001:\n  read-receipt: displayed (automatic)"))
        #expect(result.stdout.contains("P-2026-003:\n  delivery-status: failed 5.1.1"))
        #expect(result.stdout.contains("D-2026-014:\n  reply: a reply"))
        #expect(result.stdout.contains("L-2026-007:\n  automatic-reply: an automatic reply"))
        let summary = try #require(result.stdout.split(separator: "\n").last)
        #expect(summary.contains(" messages read: 4 recorded, 0 already recorded, "), "\(summary)")
        #expect(
            summary.range(
                of: #"read: 4 recorded, 0 already recorded, [1-9][0-9]* naming no email PayChase sent, [1-9][0-9]* unrelated \(left alone\)$"#,
                options: .regularExpression
            ) != nil
        )

        // Each kept exactly as read, and recorded with the SHA-256 of those bytes.
        let entries = try practice.logEntries().filter { $0["receipt"] != nil }
        #expect(entries.count == 4)
        for entry in entries {
            let file = try #require(entry["document"] as? String)
            #expect(
                entry["sha256"] as? String
                    == String(try Command.run("/usr/bin/sha256sum", [practice.folder.path + "/Outbox/" + file]).stdout.prefix(64))
            )
            #expect(file.hasPrefix("receipts/\(entry["claim_id"] as! String)/"))
        }
        let bounce = try #require(entries.first { $0["outcome"] as? String == "delivery-status" }?["receipt"] as? [String: Any])
        #expect(bounce["action"] as? String == "failed" && bounce["status"] as? String == "5.1.1")
        #expect(bounce["matched_by"] as? String == "returned-headers")
        #expect(try practice.paychase("log", "--verify").status == 0)

        // Flagged \Seen only what was recorded; the rest is left as it was.
        #expect(try rig.imapSeenFlags(user: "manager@riverside.example").filter { $0 }.count == seenBefore + 4)

        // Read again: nothing new, nothing twice.
        let again = try practice.paychase("receipts")
        #expect(again.status == 0)
        #expect(
            again.stdout.hasSuffix("0 messages read: 0 recorded, 0 already recorded, 0 naming no email PayChase sent, 0 unrelated (left alone)\n")
        )
        #expect(try practice.logEntries().filter { $0["receipt"] != nil }.count == 4)

        let status = try practice.paychase("status", "--as-of", "2026-11-23")
        func row(_ claim: String) throws -> Substring { try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix(claim) }) }
        let today = londonToday()
        #expect(try row("P-2026-003").contains("bounced \(today) (5.1.1)"))
        #expect(try row("P-2026-003").hasSuffix("fix the address and resend chase"))
        #expect(try row("D-2026-014").contains("replied \(today)"))
        #expect(try row("D-2026-014").hasSuffix("read the reply and follow up"))
        #expect(try row("Q-2026-001").contains("read \(today)"))
        #expect(try row("L-2026-007").contains("auto-reply \(today)"))
        #expect(try !row("L-2026-007").contains("read the reply"), "an automatic reply is not a reply")

        // The next document says what came back: a reply for D-2026-014, none for L-2026-007.
        #expect(try practice.paychase("draft", "lmc-referral", "--claim", "D-2026-014", "--claim", "L-2026-007", "--as-of", "2026-11-23").status == 0)
        let replied = try ParsedEmail.parse(path: practice.folder.path + "/Outbox/drafts/D-2026-014/lmc-referral.eml").body ?? ""
        #expect(replied.contains("We had a reply on \(today), which we can forward to you"))
        #expect(!replied.contains("We have had no reply"))
        let unanswered = try ParsedEmail.parse(path: practice.folder.path + "/Outbox/drafts/L-2026-007/lmc-referral.eml").body ?? ""
        #expect(unanswered.contains("We have had no reply."), "an out-of-office is not a reply")
    }

    @Test func aRenumberedMailboxIsReadAgainWithoutRecordingTwice() throws {
        let practice = try practiceWithMailBack()
        #expect(try practice.paychase("receipts").status == 0)
        let state = practice.folder.path + "/Outbox/receipts/.imap-state.json"
        let text = try String(contentsOfFile: state, encoding: .utf8)
        try text.replacingOccurrences(of: #""uidValidity" *: *\d+"#, with: "\"uidValidity\":1", options: .regularExpression)
            .write(toFile: state, atomically: true, encoding: .utf8)
        let again = try practice.paychase("receipts")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("The mailbox was renumbered"))
        #expect(again.stdout.contains(" 0 recorded, 4 already recorded"))
        #expect(try practice.logEntries().filter { $0["receipt"] != nil }.count == 4)
    }

    @Test func anEmptyMailboxRenumberedIsSaidOnceThenRemembered() throws {
        let practice = try SendingPractice()
        let folder = "Empty-\(UUID().uuidString.prefix(8))"
        try practice.rig.imapAppendAll(user: "manager@riverside.example", folder: folder, messages: [])
        try practice.configureIMAP(url: "imap://localhost:\(practice.rig.imapPort)/\(folder)")
        #expect(try practice.paychase("receipts").status == 0)
        let state = practice.folder.path + "/Outbox/receipts/.imap-state.json"
        try String(contentsOfFile: state, encoding: .utf8).replacingOccurrences(
            of: #""uidValidity" *: *\d+"#,
            with: "\"uidValidity\":1",
            options: .regularExpression
        )
        .write(toFile: state, atomically: true, encoding: .utf8)
        #expect(try practice.paychase("receipts").stdout.hasPrefix("The mailbox was renumbered"))
        let after = try practice.paychase("receipts")
        #expect(after.status == 0)
        #expect(!after.stdout.hasPrefix("The mailbox was renumbered"), "the new numbering is remembered: \(after.stdout)")
    }

    @Test func withoutAnIMAPSectionNothingIsReadAndTheUserIsToldHow() throws {
        let practice = try SendingPractice()
        let result = try practice.paychase("receipts")
        #expect(result.status == 78)
        #expect(result.stderr.contains("paychase.yaml: imap: is not set"))
    }

    @Test func theIMAPPasswordNeverAppearsAndAWrongOneIsRefused() throws {
        let practice = try SendingPractice()
        try practice.configureIMAP()
        let wrong = "wrong-\(UUID().uuidString)"
        let result = try Command.run(
            Command.paychase,
            ["receipts", "--verbose"],
            directory: practice.folder.path,
            environment: practice.folder.environment(["PAYCHASE_IMAP_PASSWORD": wrong])
        )
        #expect(result.status == 78)
        #expect(result.stderr.contains("refused the login for manager@riverside.example"))
        #expect(!(result.stdout + result.stderr).contains(wrong))
        let right = try practice.paychase("receipts", "--verbose")
        #expect(right.status == 0, "\(right.stderr)")
        #expect(!(right.stdout + right.stderr).contains("imap-manager"))
        #expect(!(right.stdout + right.stderr).contains(Data("\0manager@riverside.example\0imap-manager".utf8).base64EncodedString()))
    }

    func londonToday() -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: Date())
    }
}
