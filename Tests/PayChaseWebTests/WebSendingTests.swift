import Foundation
import Logging
import PayChaseTestSupport
import Synchronization
import Testing

@testable import PayChaseWeb

/// Sending from the claim page and the worker's own sending, against the test mail rig
/// (scripts/test starts it).
struct WebSendingTests {
    /// A practice that sends through the rig, served in-process.
    func sendingFixture(profile extra: String = "") throws -> (WebFixture, MailRig) {
        let rig = try MailRig.current()
        let folder = try PracticeFolder()
        try folder.configureSMTP(url: "smtp://localhost:\(rig.submissionPort)", username: rig.username, caFile: rig.caFile)
        try folder.write("paychase.yaml", try folder.read("paychase.yaml") + extra)
        var fixture = try WebFixture(folder: folder)
        fixture.configuration.environment = ["PAYCHASE_SMTP_PASSWORD": rig.password, "PAYCHASE_IMAP_PASSWORD": "imap-manager"]
        return (fixture, rig)
    }

    func entries(_ folder: PracticeFolder) throws -> [[String: Any]] {
        guard folder.exists("Outbox/deliveries.jsonl") else { return [] }
        return try folder.read("Outbox/deliveries.jsonl").split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func aDoubleClickedSendSendsOnce() async throws {
        let (fixture, rig) = try sendingFixture()
        let password = rig.password
        try await fixture.test { browser in
            let form = try await browser.get("/claims/Q-2026-001")
            let fields = [("csrf", form.csrf!), ("key", form.input("key")!), ("template", "chase")]
            let first = try await browser.post("/claims/Q-2026-001/send", fields)
            #expect(first.status == .seeOther)
            let second = try await browser.post("/claims/Q-2026-001/send", fields)
            #expect(second.status == .seeOther)
            let page = try await browser.get("/claims/Q-2026-001")
            #expect(page.text.contains("This send form was already used, so nothing was sent again."))
            #expect(page.body.contains("class=\"event-accepted\""))
            #expect(page.body.contains("queued as"), "the timeline shows the server's queue id")
            #expect(!page.body.contains(password), "the SMTP password never reaches a page")
        }
        let accepted = try entries(fixture.folder).filter { $0["outcome"] as? String == "accepted" }
        #expect(accepted.count == 1)
        let messageID = try #require(accepted.first?["message_id"] as? String)
        try rig.waitUntilPostfixIdle()
        #expect(rig.messageIDCounts(to: "nelicb.payments@nhs.example")[messageID] == 1)
        #expect(try fixture.folder.read("Outbox/web/used-keys").split(separator: "\n").count == 1, "the key is remembered on disk")
    }

    @Test func aUsedKeyIsRememberedAfterARestart() async throws {
        let (fixture, _) = try sendingFixture()
        let key = UsedKeys.newKey()
        try await fixture.test { browser in
            let form = try await browser.get("/claims/D-2026-014")
            let sent = try await browser.post("/claims/D-2026-014/send", [("csrf", form.csrf!), ("key", key), ("template", "chase")])
            #expect(sent.status == .seeOther)
        }
        try await fixture.test { browser in
            let form = try await browser.get("/claims/D-2026-014")
            _ = try await browser.post("/claims/D-2026-014/send", [("csrf", form.csrf!), ("key", key), ("template", "chase")])
            let page = try await browser.get("/claims/D-2026-014")
            #expect(page.text.contains("This send form was already used"))
        }
        #expect(try entries(fixture.folder).filter { $0["outcome"] as? String == "accepted" }.count == 1)
    }

    @Test func theEvidencePackDownloadsAsAZip() async throws {
        let (fixture, _) = try sendingFixture()
        try await fixture.test { browser in
            let form = try await browser.get("/claims/L-2026-007")
            _ = try await browser.post("/claims/L-2026-007/send", [("csrf", form.csrf!), ("key", form.input("key")!), ("template", "chase")])
            let zip = try await browser.post("/claims/L-2026-007/evidence", [("csrf", form.csrf!)])
            #expect(zip.status == .ok)
            #expect(zip.headers[.contentType] == "application/zip")
            #expect(zip.headers[.contentDisposition] == "attachment; filename=\"L-2026-007-evidence.zip\"")
            #expect(zip.bytes.starts(with: [0x50, 0x4B]))
        }
        #expect(fixture.folder.exists("Outbox/evidence/L-2026-007/SHA256SUMS"))
    }

    @Test func withoutAutoSendTheWorkerSendsNothingByItself() async throws {
        let (fixture, _) = try sendingFixture()
        let worker = try await PayChaseServer.application(fixture.configuration, logger: WebFixture.quiet).worker
        await worker.runOnce()
        #expect(try entries(fixture.folder).isEmpty)
    }

    @Test func theWorkerSendsAnAutoSendTemplateNoFasterThanMaxPerMinute() async throws {
        let (fixture, _) = try sendingFixture(profile: "  max_per_minute: 2\nauto_send: [chase]\n")
        let worker = try await PayChaseServer.application(fixture.configuration, logger: WebFixture.quiet).worker
        await worker.runOnce()
        let first = try entries(fixture.folder).filter { $0["outcome"] as? String == "accepted" }
        #expect(first.count == 2, "four chases are due; two go in the first minute")
        await worker.runOnce()
        #expect(try entries(fixture.folder).filter { $0["outcome"] as? String == "accepted" }.count == 2, "the same minute: nothing more")
        #expect(Set(first.compactMap { $0["template"] as? String }) == ["chase"])
    }

    @Test func theWorkerRetriesADeferredMessageWhenItsTimeComes() async throws {
        let (fixture, rig) = try sendingFixture()
        let practice = SendingPractice(folder: fixture.folder, rig: rig)
        try practice.deferL2026007()
        let queued = try practice.paychase("send", "chase", "--claim", "L-2026-007", "--as-of", "2026-11-22")
        #expect(queued.status == 75, "\(queued.stderr)")
        var later = fixture
        later.configuration.clock = .fixed(Date().addingTimeInterval(600))
        let worker = try await PayChaseServer.application(later.configuration, logger: WebFixture.quiet).worker
        await worker.runOnce()
        let deferred = try entries(fixture.folder).filter { $0["outcome"] as? String == "deferred" }
        #expect(deferred.count == 2, "tried again once its retry time had come")
        #expect(deferred.last?["attempt"] as? Int == 2)
        try await later.test { browser in
            let queue = try await browser.get("/queue")
            #expect(queue.body.contains("<tr id=\"queued-"))
            #expect(queue.body.contains("451"), "the server's last reply")
            let claim = try await browser.get("/claims/L-2026-007")
            #expect(claim.body.contains("<h2>In the queue</h2>"))
            #expect(claim.body.contains("2 attempts, next try: "))
            #expect(claim.body.contains("; last reply: 451"))
        }
    }
}

extension WebSendingTests {
    /// A practice that reads the rig's mailbox, whose chase for Q-2026-001 went from the claim
    /// page and whose read receipt has come back to the mailbox.
    func practiceWithAReceiptWaiting() async throws -> WebFixture {
        let rig = try MailRig.current()
        let imap =
            "imap:\n  url: imap://localhost:\(rig.imapPort)\n  username: manager@riverside.example\n  password_env: PAYCHASE_IMAP_PASSWORD\n  ca_file: \(rig.caFile)\n  poll_minutes: 1\n"
        let (fixture, _) = try sendingFixture(profile: imap)
        try await fixture.test { browser in
            let form = try await browser.get("/claims/Q-2026-001")
            _ = try await browser.post("/claims/Q-2026-001/send", [("csrf", form.csrf!), ("key", form.input("key")!), ("template", "chase")])
        }
        let messageID = try #require(try entries(fixture.folder).first { $0["outcome"] as? String == "accepted" }?["message_id"] as? String)
        let fixtures = TestPaths.repository.appendingPathComponent("Tests/PayChaseMailTests/Fixtures/receipts/outlook-read.eml")
        let receipt = String(decoding: try Data(contentsOf: fixtures), as: UTF8.self)
            .replacingOccurrences(of: "20261122T224058123-0000-Q-1@riverside.example", with: messageID)
        try rig.submit(Array(receipt.utf8), from: "nelicb.payments@nhs.example", to: "manager@riverside.example")
        #expect(try rig.waitForMessage(user: "manager@riverside.example", containing: messageID))
        return fixture
    }

    @Test func theWorkerReadsReceiptsAndTheTimelineShowsThem() async throws {
        let fixture = try await practiceWithAReceiptWaiting()
        let worker = try await PayChaseServer.application(fixture.configuration, logger: WebFixture.quiet).worker
        await worker.runOnce()
        #expect(try entries(fixture.folder).contains { $0["outcome"] as? String == "read-receipt" })
        try await fixture.test { browser in
            let page = try await browser.get("/claims/Q-2026-001")
            #expect(page.body.contains("class=\"event-read-receipt\""))
            #expect(page.text.contains("read "), "what came back: read")
        }
    }

    @Test func theRecordPageReadsTheMailboxNow() async throws {
        let fixture = try await practiceWithAReceiptWaiting()
        try await fixture.test { browser in
            let record = try await browser.get("/record")
            #expect(record.body.contains("<form name=\"receipts\" method=\"post\" action=\"/receipts\""))
            let read = try await browser.post("/receipts", [("csrf", record.csrf!)])
            #expect(read.status == .seeOther)
            let after = try await browser.get("/record")
            #expect(after.text.contains("Q-2026-001: read-receipt (displayed"))
        }
    }
}

/// The rig's profile edits, for a folder the service serves.
struct SendingPractice {
    let folder: PracticeFolder
    let rig: MailRig

    /// L-2026-007 paid by NHS England, whose server defers everything (451).
    func deferL2026007() throws {
        let profile = try folder.read("paychase.yaml").replacingOccurrences(
            of: "paymasters:",
            with: "paymasters:\n  nhs-england: { name: NHS England, email: deferred@nhs.example, address: [Quarry House, Leeds, LS2 7UE] }"
        )
        try folder.write("paychase.yaml", profile)
        let claims = try folder.read("claims.csv")
        try folder.write("claims.csv", claims.replacingOccurrences(of: "15/07/2026,,LBTH-PH-0441", with: "15/07/2026,nhs-england,LBTH-PH-0441"))
    }

    func paychase(_ arguments: String...) throws -> CommandResult {
        try Command.run(
            Command.paychase,
            arguments,
            directory: folder.path,
            environment: folder.environment(["PAYCHASE_SMTP_PASSWORD": rig.password])
        )
    }
}

extension WebSendingTests {
    @Test func aPasswordTheServerRefusesReachesNoPageAndNoLog() async throws {
        var (fixture, _) = try sendingFixture()
        let secret = "not-the-password-\(UUID().uuidString)"
        fixture.configuration.environment?["PAYCHASE_SMTP_PASSWORD"] = secret
        let lines = LogLines()
        var logger = Logger(label: "test") { _ in LogLines.Handler(lines: lines) }
        logger.logLevel = .trace
        let (application, worker) = try await PayChaseServer.application(fixture.configuration, logger: logger)
        try await application.test(.router) { client in
            var browser = Browser(client: client)
            let form = try await browser.get("/claims/Q-2026-001")
            _ = try await browser.post("/claims/Q-2026-001/send", [("csrf", form.csrf!), ("key", form.input("key")!), ("template", "chase")])
            let page = try await browser.get("/claims/Q-2026-001")
            #expect(page.text.contains("Not sent: "), "the refusal is said")
            #expect(!page.body.contains(secret))
            for path in ["/", "/queue", "/record", "/api/claims/Q-2026-001", "/api/queue", "/api/record"] {
                let other = try await browser.get(path)
                #expect(!other.body.contains(secret), "\(path)")
            }
        }
        await worker.runOnce()
        #expect(!lines.all.isEmpty)
        #expect(!lines.all.contains { $0.contains(secret) })
    }
}

/// Every line a logger was given, with its metadata, for a test to search.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }

    struct Handler: LogHandler {
        let lines: LogLines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            lines.lines.withLock { $0.append("\(event.message) \(all) \(event.error.map { "\($0)" } ?? "")") }
        }
    }
}
