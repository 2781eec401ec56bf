import Foundation
import Logging
import PayChaseDomain
import PayChaseJobs
import PayChaseTestSupport
import Synchronization
import Testing

/// NHSmail's way in, end to end against real servers: a person signs in at the identity provider
/// (glewlwyd, in headless Chromium), PayChase keeps and renews the tokens, and Postfix and Dovecot
/// accept them (XOAUTH2, checked by Dovecot's oauth2 passdb against the provider).
@Suite(.serialized) struct OAuthMailboxTests {
    static let manager = OAuthPractice.mailbox

    @Test func connectsAsAPersonDoesThenSendsFilesInSentAndReadsReceiptsWithTokens() throws {
        let practice = try OAuthPractice()
        let rig = practice.oauth.rig
        let connected = try practice.connect()
        #expect(connected.stdout.contains("To connect the practice mailbox, open this page"))
        #expect(connected.stdout.contains("Connected"))
        let granted = try #require(connected.stdout.split(separator: "\n").first { $0.contains("Granted: ") })
        #expect(granted.contains("smtp") && granted.contains("imap"), "\(granted)")

        // One file, beside the profile, only its owner can read.
        var info = stat()
        #expect(stat(practice.tokenFile, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let tokens = try practice.tokens()
        let access = try #require(tokens["access_token"] as? String)
        let refresh = try #require(tokens["refresh_token"] as? String)

        let status = try practice.paychase("mailbox", "status")
        #expect(status.status == 0)
        #expect(status.stdout.contains("Sends as: \(Self.manager)"))
        #expect(status.stdout.contains("Permissions granted: "))
        #expect(status.stdout.contains("smtp") && status.stdout.contains("imap"))
        #expect(status.stdout.contains("Refresh token last used: not yet"))

        // Sent over SMTP with XOAUTH2: delivered once, and a copy filed in the mailbox's sent folder.
        let before = rig.messageIDCounts(to: "nelicb.payments@nhs.example")
        let sent = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22", "--verbose")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stderr.contains("AUTH XOAUTH2"), "the token is presented with XOAUTH2")
        #expect(sent.stdout.contains("1 copy filed in Sent"))
        let messageID = try practice.sentMessageID("D-2026-014")
        try rig.waitUntilPostfixIdle()
        #expect(rig.messageIDCounts(to: "nelicb.payments@nhs.example")[messageID] == 1)
        #expect(before[messageID] == nil)
        #expect(
            try rig.imapMessageIDs(user: Self.manager, folder: "Sent").filter { $0 == messageID }.count == 1,
            "filed once, in the folder marked \\Sent"
        )
        let copies = try practice.logEntries().filter { $0["outcome"] as? String == "sent-items-copy" }
        #expect(copies.count == 1)
        #expect(copies.first?["document"] as? String == "Sent")
        #expect(copies.first?["message_id"] as? String == messageID)
        // Exactly the bytes sent, flagged as read.
        let filed = try rig.imapMessage(user: Self.manager, folder: "Sent", messageID: messageID)
        #expect(filed.seen)
        #expect(filed.sha256 == copies.first?["sha256"] as? String)

        // Sending again files nothing twice.
        let again = try practice.paychase("send", "--queued")
        #expect(again.status == 0)
        #expect(try rig.imapMessageIDs(user: Self.manager, folder: "Sent").filter { $0 == messageID }.count == 1)

        // An Exchange Online read receipt comes back; read over IMAP with XOAUTH2 and recorded once.
        let receipt = try Self.exchangeReceipt(about: messageID)
        try rig.submit(receipt, from: "nelicb.payments@nhs.example", to: Self.manager)
        #expect(try rig.waitForMessage(user: Self.manager, containing: "Read: Invoice", timeout: 15))
        let read = try practice.paychase("receipts")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("D-2026-014:\n  read-receipt: displayed (automatic)"))
        #expect(try practice.paychase("receipts").stdout.contains(" 0 recorded, "))
        #expect(try practice.logEntries().filter { $0["outcome"] as? String == "read-receipt" }.count == 1)

        // The evidence pack says what the sent folder witnesses.
        let pack = try practice.paychase("evidence", "D-2026-014")
        #expect(pack.status == 0, "\(pack.stderr)")
        let text = try Command.run("/usr/bin/pdftotext", ["-layout", practice.folder.path + "/Outbox/evidence/D-2026-014/evidence.pdf", "-"]).stdout
        #expect(text.contains("a second witness"))

        // No token anywhere it could leak: output (verbose included), Outbox, record, evidence pack.
        let everything = [
            connected.stdout, connected.stderr, status.stdout, sent.stdout, sent.stderr, read.stdout, read.stderr, practice.outboxText(),
        ]
        for secret in [access, refresh] {
            #expect(!everything.contains { $0.contains(secret) }, "a token leaked")
        }
        #expect(!practice.folder.files(under: "Outbox").contains { $0.contains("tokens") })
    }

    /// Tokens that last four seconds run out during a slow batch (the job is asked to go on
    /// before each message, and the test takes a second and a half each time): each is renewed
    /// before it expires, the next connection signs in with the new one, and every message goes once.
    @Test func tokensRunningOutMidBatchAreRenewedAndNothingIsSentTwice() throws {
        let practice = try OAuthPractice(short: true)
        try practice.connect()
        let first = try #require(try practice.tokens()["access_token"] as? String)
        var claims = ["claim_id,service,category,period,amount,submitted_on,reference"]
        for index in 1...5 { claims.append("M-\(index),Dementia DES,DES,2026/27,\(200 + index).00,2026-06-01,REF-M\(index)") }
        try practice.folder.write("claims.csv", claims.joined(separator: "\n") + "\n")
        var options = SendJob.Options()
        options.shouldContinue = {
            Thread.sleep(forTimeInterval: 1.5)
            return true
        }
        let started = Date()
        let result = try SendJob(
            workspace: practice.workspace,
            source: .template("chase", .overdue),
            asOf: CalendarDate(year: 2026, month: 11, day: 22)!,
            options: options
        ).run(logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        #expect(result.stop == nil, "\(result.stop?.description ?? "")")
        #expect(Date().timeIntervalSince(started) > 6, "the batch outlived a token")
        #expect((result.queued, result.accepted) == (5, 5))
        let tokens = try practice.tokens()
        #expect(tokens["access_token"] as? String != first, "renewed")
        #expect(tokens["refreshed_at"] != nil)
        let rig = practice.oauth.rig
        try rig.waitUntilPostfixIdle()
        for index in 1...5 {
            let id = try practice.sentMessageID("M-\(index)")
            #expect(rig.messageIDCounts(to: "nelicb.payments@nhs.example")[id] == 1, "M-\(index) delivered once")
        }
        // Long after the last token ran out, reading the mailbox renews it first.
        Thread.sleep(forTimeInterval: 5)
        let read = try practice.paychase("receipts")
        #expect(read.status == 0, "\(read.stderr)")
    }

    /// The server refuses a token the file still calls good (revoked, or the clock is wrong):
    /// renewed once, and the message goes.
    @Test func aTokenTheServerRefusesIsRenewedOnceAndTheMessageGoes() throws {
        let practice = try OAuthPractice()
        try practice.connect()
        try practice.changeTokens { $0["access_token"] = "not-a-token-the-provider-issued" }
        let sent = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("1 accepted"))
        #expect(try practice.tokens()["access_token"] as? String != "not-a-token-the-provider-issued")
    }

    /// A refresh token the provider refuses (revoked, as a changed password or "sign out
    /// everywhere" does) stops sending with what to do, and the queue is kept.
    @Test func aRevokedSignInStopsSendingKeepsTheQueueAndAsksToConnectAgain() throws {
        let practice = try OAuthPractice()
        try practice.connect()
        try practice.oauth.revoke(refreshToken: try #require(try practice.tokens()["refresh_token"] as? String))
        try practice.expireAccessToken()
        let sent = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(sent.status == 78)
        #expect(sent.stderr.contains("The identity provider refused the stored sign-in"))
        #expect(sent.stderr.contains("Run 'paychase mailbox connect' to sign in; what is queued then goes with 'paychase send --queued'"))
        #expect(practice.folder.files(under: "Outbox/queue").contains { $0.hasSuffix(".eml") }, "queued, waiting")
        #expect(practice.folder.files(under: "Outbox/failed").isEmpty)
        let read = try practice.paychase("receipts")
        #expect(read.status == 78)

        // Connected again, the queue goes, once.
        try practice.connect()
        let resent = try practice.paychase("send", "--queued")
        #expect(resent.status == 0, "\(resent.stderr)")
        #expect(resent.stdout.contains("1 accepted"))
        #expect(practice.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".eml") }.isEmpty)
    }

    /// The worker and a command line renewing at once: the provider rotates refresh tokens (each
    /// works once), so without the lock the second renewal would be refused. One renews; the
    /// other waits and uses what it stored.
    ///
    /// Three practice folders share one mailbox connection (one token file), so three commands
    /// renew it at the same moment without waiting for each other's Outbox.
    @Test func severalProcessesRenewingAtOnceAllGoOnAndTheSignInSurvives() throws {
        let shared = try TestPaths.temporaryDirectory().appendingPathComponent("mailbox-tokens.json").path
        let practices = try (1...3).map { _ in try OAuthPractice(tokenFile: shared) }
        try practices[0].connect()
        for round in 1...2 {
            try practices[0].expireAccessToken()
            let results = try Self.concurrently(practices.count) { index in try practices[index].paychase("receipts") }
            for result in results { #expect(result.status == 0, "round \(round): \(result.stderr)") }
            #expect(try practices[0].tokens()["refreshed_at"] != nil)
        }
        // Still connected: the refresh token kept in the file is the live one.
        try practices[1].expireAccessToken()
        #expect(try practices[1].paychase("receipts").status == 0)
    }

    /// An application permission granted by the administrator: no person signs in.
    @Test func theClientCredentialsGrantConnectsWithoutAPerson() throws {
        let practice = try OAuthPractice(grant: "client_credentials")
        let connected = try practice.paychase("mailbox", "connect")
        #expect(connected.status == 0, "\(connected.stderr)")
        #expect(connected.stdout.hasPrefix("Connected"))
        let read = try practice.paychase("receipts")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(!read.stderr.contains(practice.oauth.confidentialSecret))
        let disconnected = try practice.paychase("mailbox", "disconnect")
        #expect(disconnected.stdout.hasPrefix("Disconnected"))
        #expect(!FileManager.default.fileExists(atPath: practice.tokenFile))
    }

    @Test func withoutASignInNothingIsSentAndTheUserIsToldHow() throws {
        let practice = try OAuthPractice()
        let sent = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(sent.status == 78)
        #expect(sent.stderr.contains("The mailbox is not connected"))
        #expect(sent.stderr.contains("paychase mailbox connect"))
        let status = try practice.paychase("mailbox", "status")
        #expect(status.stdout.contains("Not connected: run 'paychase mailbox connect'."))
        let check = try practice.paychase("check", "--as-of", "2026-11-22")
        #expect(check.status == 0, "not connected yet is said, not failed")
        #expect(check.stderr.contains("note: paychase.yaml: oauth: the mailbox is not connected yet"))
    }

    static func concurrently(_ count: Int, _ work: @escaping @Sendable (Int) throws -> CommandResult) throws -> [CommandResult] {
        let results = Mutex([Result<CommandResult, any Error>?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = Result { try work(index) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    /// An Exchange Online read receipt (no MDN part, no Original-Message-ID) for `messageID`.
    static func exchangeReceipt(about messageID: String) throws -> [UInt8] {
        let file = TestPaths.repository.appendingPathComponent("Tests/PayChaseMailTests/Fixtures/receipts/exchange-online-read.eml")
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        return Array(text.replacingOccurrences(of: "20261122T224058123-0000-Q-1@riverside.example", with: messageID).utf8)
    }
}
