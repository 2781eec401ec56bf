import Foundation
import PayChaseTestSupport
import Testing

/// Sending through a real Postfix (STARTTLS, AUTH via Dovecot SASL) into Maildirs Dovecot serves.
/// Serialized: one test stops Postfix, which would disturb the others.
@Suite(.serialized)
struct SendTests {
    @Test func sendsOverOneSTARTTLSConnectionWithReceiptsRequested() throws {
        let practice = try SendingPractice()
        let rig = practice.rig
        let before = rig.deliveredFiles(to: "nelicb.payments@nhs.example").count
        let result = try practice.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("4 messages sent to the server: 4 accepted, 0 deferred, 0 refused\n"))
        #expect(result.stderr.contains("[1/4] accepted: Q-2026-001 chase to nelicb.payments@nhs.example: 250 2.0.0 Ok: queued as "))

        // What arrived, headers included, is what was sent.
        #expect(rig.waitForDelivery(to: "nelicb.payments@nhs.example", count: before + 2))
        let sent = practice.folder.files(under: "Outbox/sent")
        #expect(sent.count == 4)
        #expect(practice.folder.files(under: "Outbox/queue").isEmpty)
        let entries = try practice.logEntries()
        #expect(entries.count == 4)
        for entry in entries {
            let messageID = try #require(entry["message_id"] as? String)
            let to = try #require((entry["to"] as? [String])?.first)
            #expect(rig.waitForDelivery(to: to, count: 1))
            let arrived = try #require(
                rig.deliveredFiles(to: to).first { (try? String(contentsOfFile: $0, encoding: .utf8))?.contains(messageID) == true }
            )
            let parsed = try ParsedEmail.parse(path: arrived)
            #expect(parsed.header("Disposition-Notification-To") == "<manager@riverside.example>")
            #expect(parsed.header("Return-Receipt-To") == "<manager@riverside.example>")
            #expect(parsed.values("X-Unsent").isEmpty, "a sent message never carries X-Unsent")
            #expect(parsed.header("X-PayChase-Claim") == entry["claim_id"] as? String)

            let sentFile = try #require(sent.first { $0.contains(entry["queue_id"] as! String) })
            let sentBytes = try Data(contentsOf: practice.folder.url.appendingPathComponent(sentFile))
            let arrivedText = try String(contentsOfFile: arrived, encoding: .utf8)
            let sentText = String(decoding: sentBytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            #expect(arrivedText.hasSuffix(sentText), "Outbox/sent holds exactly the bytes the server accepted")

            #expect((entry["reply"] as? String)?.range(of: #"^250 2\.0\.0 Ok: queued as [0-9A-F]+$"#, options: .regularExpression) != nil)
            #expect(entry["outcome"] as? String == "accepted")
            #expect(entry["dsn_requested"] as? Bool == false, "libcurl 7.88 cannot send DSN parameters cleanly")
            #expect(entry["server"] as? String == "localhost:\(rig.submissionPort)")
            #expect(entry["sha256"] as? String == (try sha256sum(practice.folder.url.appendingPathComponent(sentFile).path)))
        }

        // One smtpd session received all four: the connection was reused.
        let queueIDs = try practice.postfixQueueIDs()
        let sessions = Set(
            queueIDs.compactMap { id in
                rig.postfixLog.split(separator: "\n").first { $0.contains("\(id): client=") }
                    .flatMap { line in line.range(of: #"smtpd\[\d+\]"#, options: .regularExpression).map { String(line[$0]) } }
            }
        )
        #expect(queueIDs.count == 4)
        #expect(sessions.count == 1, "all messages went over one connection")

        // Dovecot serves the same mailbox over IMAP.
        let subjects = try rig.imapSubjects(user: "nelicb.payments@nhs.example")
        #expect(subjects.contains("Payment query: Minor surgery DES Q2 2026/27 (F84001, our ref D-2026-014)"))
        let implants = try practice.logEntries().first { $0["claim_id"] as? String == "L-2026-007" }
        #expect(implants?["to"] as? [String] == ["publichealth@la.example"], "the council's implants are chased at the council")

        // The log now counts as history: status and the ladder see the chase.
        let status = try practice.paychase("status", "--as-of", "2026-11-23")
        let row = try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("Q-2026-001") })
        #expect(row.contains("  1  "), "one document sent so far")
        // The chase went today (UK date); the appeal comes 14 days later.
        var london = Calendar(identifier: .gregorian)
        london.timeZone = TimeZone(identifier: "Europe/London")!
        let formatter = DateFormatter()
        formatter.calendar = london
        formatter.timeZone = london.timeZone
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "d MMMM yyyy"
        let appealDue = formatter.string(from: london.date(byAdding: .day, value: 14, to: Date())!)
        #expect(row.hasSuffix("wait until \(appealDue), then appeal"))
        #expect(try practice.paychase("log", "--verify").status == 0)
    }

    @Test func smtpsIsTLSFromTheStart() throws {
        let practice = try SendingPractice(url: "smtps://localhost:\(try MailRig.current().smtpsPort)")
        let result = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try practice.logEntries().first?["outcome"] as? String == "accepted")
    }

    @Test func aCertificateThatCannotBeVerifiedStopsEverything() throws {
        let practice = try SendingPractice(caFile: false)
        let result = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(result.status == 69)
        #expect(result.stderr.contains("TLS with localhost:"))
        #expect(practice.folder.files(under: "Outbox/queue").count == 2, "the message stays queued (.eml + .json)")
        #expect(try practice.logEntries().isEmpty)

        let weakened = try practice.paychase("send", "--queued", "--insecure-skip-certificate-check")
        #expect(weakened.status == 0, "\(weakened.stderr)")
        #expect(weakened.stderr.contains("WARNING: --insecure-skip-certificate-check"))
    }

    @Test func aServerWithoutSTARTTLSGetsNothing() throws {
        let rig = try MailRig.current()
        let practice = try SendingPractice(url: "smtp://localhost:\(rig.plainPort)", username: false)
        let result = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(result.status == 69)
        #expect(result.stderr.contains("does not offer STARTTLS"))
        #expect(try practice.logEntries().isEmpty)
    }

    @Test func credentialsWithoutALoginMeanNothingIsSent() throws {
        let rig = try MailRig.current()
        let practice = try SendingPractice(url: "smtp://localhost:\(rig.noAuthPort)")
        let before = rig.messageIDCounts(to: "nelicb.payments@nhs.example")
        let result = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(result.status == 78)
        #expect(result.stderr.contains("did not log us in although smtp.username is set"))
        Thread.sleep(forTimeInterval: 0.5)
        #expect(rig.messageIDCounts(to: "nelicb.payments@nhs.example") == before, "nothing was delivered")
        #expect(practice.folder.files(under: "Outbox/queue").count == 2)
    }

    @Test func aWrongPasswordStopsWithoutSayingThePassword() throws {
        let practice = try SendingPractice()
        let wrong = "wrong-password-\(UUID().uuidString)"
        let result = try Command.run(
            Command.paychase,
            ["send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22"],
            directory: practice.folder.path,
            environment: practice.folder.environment(["PAYCHASE_SMTP_PASSWORD": wrong])
        )
        #expect(result.status == 78)
        #expect(result.stderr.contains("refused the login for smtp-user@riverside.example with AUTH=PLAIN"))
        #expect(!(result.stdout + result.stderr).contains(wrong))
    }

    @Test func thePasswordNeverAppearsInOutputLogsOrTheOutbox() throws {
        let practice = try SendingPractice()
        let result = try practice.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22", "--verbose")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("> AUTH PLAIN [credentials hidden]"))
        let secret = practice.rig.password
        let plain = Data("\0\(practice.rig.username)\0\(secret)".utf8).base64EncodedString()
        let forms = [secret, plain, Data(secret.utf8).base64EncodedString()]
        var everything = result.stdout + result.stderr
        for file in practice.folder.files(under: "Outbox") {
            everything += (try? practice.folder.read(file)) ?? ""
        }
        for form in forms { #expect(!everything.contains(form)) }
    }

    @Test func aPasswordFileOthersCanReadIsRefused() throws {
        let rig = try MailRig.current()
        let folder = try PracticeFolder()
        try folder.configureSMTP(
            url: "smtp://localhost:\(rig.submissionPort)",
            username: rig.username,
            passwordLine: "password_file: secret.txt",
            caFile: rig.caFile
        )
        try folder.write("secret.txt", rig.password + "\n")
        chmod(folder.url.appendingPathComponent("secret.txt").path, 0o644)
        let loose = try folder.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(loose.status == 78)
        #expect(loose.stderr.contains("smtp.password_file: secret.txt can be read by other users (mode 644); run: chmod 600 secret.txt"))
        #expect(!loose.stderr.contains(rig.password))
        #expect(folder.exists("Outbox/drafts/D-2026-014/chase.eml"), "the drafts are still written")

        chmod(folder.url.appendingPathComponent("secret.txt").path, 0o600)
        let tight = try folder.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(tight.status == 0, "\(tight.stderr)")
    }

    @Test func withoutAnSMTPSectionTheDraftsAreWrittenAndTheUserToldHow() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22")
        #expect(result.status == 78)
        #expect(result.stderr.contains("paychase.yaml: smtp: is not set, so nothing can be sent. The drafts are written"))
        #expect(folder.files(under: "Outbox/drafts").count == 4)
        #expect(!folder.exists("Outbox/queue"))
    }

    @Test func deferredAndRefusedRecipientsDoNotBlockTheRest() throws {
        let practice = try SendingPractice()
        // L-2026-007 is paid by NHS England here, whose server defers; the council's address is unknown.
        try practice.deferL2026007()
        var profile = try practice.folder.read("paychase.yaml")
        profile = profile.replacingOccurrences(of: "email: publichealth@la.example", with: "email: nouser@nhs.example")
        try practice.folder.write("paychase.yaml", profile)
        let result = try practice.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22")
        #expect(result.status == 75, "deferred messages mean: try again later")
        #expect(result.stdout.hasSuffix("4 messages sent to the server: 2 accepted, 1 deferred, 1 refused\n"))

        let entries = try practice.logEntries()
        let byClaim = Dictionary(uniqueKeysWithValues: entries.map { ($0["claim_id"] as! String, $0) })
        #expect(byClaim["L-2026-007"]?["outcome"] as? String == "deferred")
        #expect(byClaim["L-2026-007"]?["reply"] as? String == "451 4.3.0 <deferred@nhs.example>: Recipient address rejected: try again later")
        #expect(byClaim["P-2026-003"]?["outcome"] as? String == "refused")
        #expect((byClaim["P-2026-003"]?["reply"] as? String)?.hasPrefix("550 5.1.1 <nouser@nhs.example>") == true)
        #expect(byClaim["D-2026-014"]?["outcome"] as? String == "accepted")

        let failed = practice.folder.files(under: "Outbox/failed")
        #expect(failed.count == 2 && failed.allSatisfy { $0.contains("P-2026-003") })
        let reason = try practice.folder.read(try #require(failed.first { $0.hasSuffix(".json") }))
        #expect(reason.contains("550 5.1.1"))

        let queued = practice.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".json") }
        #expect(queued.count == 1)
        let meta = try JSONSerialization.jsonObject(with: Data(try practice.folder.read(queued[0]).utf8)) as! [String: Any]
        #expect(meta["attempts"] as? Int == 1)
        #expect(meta["state"] as? String == "queued")
        let next = try #require(ISO8601DateFormatter().date(from: meta["next_attempt"] as! String))
        #expect(next > Date().addingTimeInterval(200), "retried after a back-off, not at once")

        let tooSoon = try practice.paychase("send", "--queued")
        #expect(tooSoon.status == 75)
        #expect(tooSoon.stdout.contains("0 messages sent to the server") && tooSoon.stdout.contains("1 waiting to retry"))
        let again = try practice.paychase("send", "--queued", "--retry-now")
        #expect(again.status == 75)
        #expect(try practice.logEntries().last?["attempt"] as? Int == 2)
    }

    /// SHA-256 by coreutils, independent of the code under test.
    func sha256sum(_ path: String) throws -> String {
        String(try Command.run("/usr/bin/sha256sum", [path]).stdout.prefix(64))
    }
}
