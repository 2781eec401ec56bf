import Foundation
import Logging
import PayChaseDomain
import PayChaseJobs
import PayChaseTestSupport
import Testing

extension SendTests {
    @Test func theSameDocumentTwiceWithin14DaysNeedsAgain() throws {
        let practice = try SendingPractice()
        #expect(try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22").status == 0)
        let twice = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(twice.status == 0)
        #expect(twice.stderr.contains("D-2026-014: chase was already sent on "))
        #expect(twice.stderr.contains("use --again to send another"))
        #expect(twice.stdout.hasSuffix("0 messages sent to the server: 0 accepted, 0 deferred, 0 refused\n"))
        #expect(try practice.logEntries().count == 1, "nothing sent the second time")

        let again = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22", "--again")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try practice.logEntries().map { $0["outcome"] as? String } == ["accepted", "accepted"])
    }

    @Test func aMessageAlreadyQueuedIsNotQueuedTwiceAndTheQueueListsIt() throws {
        let practice = try SendingPractice()
        try practice.deferL2026007()
        #expect(try practice.paychase("send", "chase", "--claim", "L-2026-007", "--as-of", "2026-11-22").status == 75)
        let twice = try practice.paychase("send", "chase", "--claim", "L-2026-007", "--as-of", "2026-11-22")
        #expect(twice.stderr.contains("L-2026-007: chase is already queued ("))
        #expect(practice.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".json") }.count == 1)

        let listing = try practice.paychase("queue")
        #expect(listing.status == 0)
        let rows = listing.stdout.split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[0].hasPrefix("ID") && rows[0].contains("STATE") && rows[0].contains("LAST REPLY"))
        #expect(rows[1].contains("-L-2026-007-chase-") && rows[1].contains("  queued  "))
        #expect(rows[1].hasSuffix("451 4.3.0 <deferred@nhs.example>: Recipient address rejected: try again later"))
    }

    @Test func aServerWithoutTLSGetsMailOnlyWithTheInsecureOption() throws {
        let rig = try MailRig.current()
        let practice = try SendingPractice(url: "smtp://localhost:\(rig.plainPort)", username: false)
        let result = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22", "--insecure-allow-plaintext")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("WARNING: --insecure-allow-plaintext: the password and the messages may cross the network unencrypted."))
        #expect(try practice.logEntries().first?["outcome"] as? String == "accepted")
    }

    @Test func aServerThatDemandsSTARTTLSIsASettingsProblemNotARefusal() throws {
        let rig = try MailRig.current()
        let practice = try SendingPractice(url: "smtp://localhost:\(rig.submissionPort)", username: false)
        let result = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22", "--insecure-allow-plaintext")
        #expect(result.status == 78)
        #expect(
            result.stderr.contains(
                "will not take mail on this connection until it is given STARTTLS or a login: 530 5.7.0 Must issue a STARTTLS command first"
            )
        )
        #expect(practice.folder.files(under: "Outbox/queue").count == 2, "the message stays queued (.eml + .json)")
        #expect(practice.folder.files(under: "Outbox/failed").isEmpty)
        #expect(try practice.logEntries().isEmpty)
    }

    @Test func aServerThatDemandsSTARTTLSLeavesEveryMessageOfTheBatchQueued() throws {
        let rig = try MailRig.current()
        let practice = try SendingPractice(url: "smtp://localhost:\(rig.submissionPort)", username: false)
        let result = try practice.paychase("send", "chase", "--overdue", "--as-of", "2026-11-22", "--insecure-allow-plaintext")
        #expect(result.status == 78, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "will not take mail on this connection until it is given STARTTLS or a login: 530 5.7.0 Must issue a STARTTLS command first"
            )
        )
        let queued = practice.folder.files(under: "Outbox/queue")
        #expect(result.stdout.hasSuffix("0 messages sent to the server: 0 accepted, 0 deferred, 0 refused; 4 waiting to retry\n"), "\(result.stdout)")
        #expect(
            queued.filter { $0.hasSuffix(".json") }.count == 4 && queued.filter { $0.hasSuffix(".eml") }.count == 4,
            "all four stay queued: \(queued)"
        )
        #expect(practice.folder.files(under: "Outbox/failed").isEmpty)
        #expect(try practice.logEntries().isEmpty)

        // The same again from the queue: still a settings problem, still nothing failed.
        let again = try practice.paychase("send", "--queued", "--retry-now", "--insecure-allow-plaintext")
        #expect(again.status == 78, "\(again.stderr)")
        #expect(practice.folder.files(under: "Outbox/queue") == queued)
        #expect(practice.folder.files(under: "Outbox/failed").isEmpty)
        #expect(try practice.logEntries().isEmpty)
    }

    @Test func loginUsesTheMechanismTheProfileNames() throws {
        let practice = try SendingPractice(auth: "LOGIN")
        let result = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22", "--verbose")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("> AUTH LOGIN [credentials hidden]"))
        #expect(!result.stderr.contains("> AUTH PLAIN"))
    }

    @Test func aMechanismTheServerLacksIsNeverSwappedForAnother() throws {
        // The implicit-TLS port offers only PLAIN and LOGIN (the submission port also offers XOAUTH2).
        let practice = try SendingPractice(url: "smtps://localhost:\(try MailRig.current().smtpsPort)", auth: "XOAUTH2")
        let result = try practice.paychase("send", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22", "--verbose")
        #expect(result.status == 78)
        // The trace shows the server's offer (so an absent AUTH line means none was sent, not a silent trace).
        #expect(result.stderr.contains("< 250-AUTH PLAIN LOGIN"), "\(result.stderr)")
        #expect(!result.stderr.contains("> AUTH "), "no fallback to a mechanism the profile did not name")
        #expect(result.stderr.contains("refused the login for \(practice.rig.username) with AUTH=XOAUTH2"))
        #expect(try practice.logEntries().isEmpty)
        try practice.rig.waitUntilPostfixIdle()
        // The mailbox is shared with the tests running beside this one: look for this message only.
        let facts = try #require(practice.folder.files(under: "Outbox/queue").first { $0.hasSuffix(".json") })
        let queued = try #require(try JSONSerialization.jsonObject(with: Data(practice.folder.read(facts).utf8)) as? [String: Any])
        let messageID = try #require(queued["message_id"] as? String).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        #expect(practice.rig.messageIDCounts(to: "nelicb.payments@nhs.example")[messageID] == nil, "it never reached the server")
        #expect(practice.folder.files(under: "Outbox/queue").count == 2, "the message stays queued")
    }

    /// The web service will call the job as the command line does: the typed result says it all.
    @Test func theSendJobReturnsWhatTheServerSaid() throws {
        let practice = try SendingPractice()
        let folder = practice.folder.path
        let workspace = Workspace(
            configPath: folder + "/paychase.yaml",
            claimsPath: folder + "/claims.csv",
            templatesPath: nil,
            builtinTemplatesPath: TestPaths.templates.path,
            outboxPath: folder + "/Outbox"
        )
        var options = SendJob.Options()
        options.environment = practice.passwordEnvironment
        var progress: [String] = []
        let result = try SendJob(
            workspace: workspace,
            source: .template("chase", .overdue),
            asOf: CalendarDate(year: 2026, month: 11, day: 22)!,
            options: options
        ).run(logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }) {
            progress.append("\($0.done)/\($0.total) \($0.claimID) \($0.outcome)")
        }
        #expect(result.stop == nil)
        #expect(result.drafts.written.count == 4)
        #expect((result.queued, result.accepted, result.deferred, result.refused) == (4, 4, 0, 0))
        #expect(progress == ["1/4 Q-2026-001 accepted", "2/4 D-2026-014 accepted", "3/4 L-2026-007 accepted", "4/4 P-2026-003 accepted"])
    }
}
