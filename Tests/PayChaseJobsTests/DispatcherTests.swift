import Foundation
import PayChaseDomain
import PayChaseJobs
import PayChaseTestSupport
import PayChaseTransport
import Testing

/// The Dispatcher and the receipts reader through the transport seam, in-process: what each
/// server answer does to the queue, the record and the mailbox, without Postfix or Dovecot.
struct DispatcherTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 22)!

    /// The example practice with an smtp: and imap: section the in-memory servers stand in for.
    func practice() throws -> KitFixture {
        let kit = try KitFixture()
        try kit.folder.write(
            "paychase.yaml",
            try kit.folder.read("paychase.yaml") + """
                smtp: { url: "smtp://memory:25", username: manager@riverside.example, password_env: P }
                imap: { url: "imap://memory:143/INBOX", username: manager@riverside.example, password_env: P }

                """
        )
        return kit
    }

    func send(_ kit: KitFixture, _ source: SendJob.Source, transport: MemoryTransport, mailbox: MemoryMailbox) throws -> SendResult {
        var options = SendJob.Options()
        options.environment = ["P": "secret"]
        options.transport = transport.factory
        options.mailbox = mailbox.factory
        return try SendJob(workspace: kit.workspace, source: source, asOf: Self.day, options: options).run(
            logger: kit.logger,
            clock: KitFixture.clock
        )
    }

    func outcomes(_ kit: KitFixture) throws -> [String] {
        try kit.folder.read("Outbox/deliveries.jsonl").split(separator: "\n").map {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            return "\(entry["claim_id"]!) \(entry["outcome"]!)"
        }
    }

    /// Whenever the transport lets the Dispatcher settle the message before (while it waits for
    /// the server, before the final dot or after it, or not at all), each message ends where its
    /// answer puts it, the record's head names its last entry, and no journal is left.
    @Test(arguments: MemoryTransport.Waits.allCases)
    func eachAnswerPutsTheMessageWhereItBelongsAndTheCopiesGoToSent(waits: MemoryTransport.Waits) throws {
        let kit = try practice()
        // L-2026-007 paid by NHS England, whose server will defer it.
        try kit.folder.write(
            "paychase.yaml",
            try kit.folder.read("paychase.yaml").replacingOccurrences(
                of: "paymasters:",
                with:
                    "paymasters:\n  nhs-england: { name: NHS England, email: england.payments@nhs.example, address: [Quarry House, Leeds, LS2 7UE] }"
            )
        )
        try kit.folder.write(
            "claims.csv",
            try kit.folder.read("claims.csv").replacingOccurrences(of: "15/07/2026,,LBTH-PH-0441", with: "15/07/2026,nhs-england,LBTH-PH-0441")
        )
        let transport = MemoryTransport()
        transport.waits = waits
        transport.answers["england.payments@nhs.example"] = SMTPResult(
            outcome: .deferred,
            reply: "451 4.3.0 try again later",
            dsnRequested: false,
            serverAnswered: true
        )
        transport.answers["publichealth@la.example"] = SMTPResult(
            outcome: .refused,
            reply: "550 5.1.1 no such user",
            dsnRequested: false,
            serverAnswered: true
        )
        let mailbox = MemoryMailbox()
        let result = try send(kit, .template("chase", .overdue), transport: transport, mailbox: mailbox)
        #expect(result.stop == nil)
        #expect((result.queued, result.accepted, result.deferred, result.refused) == (4, 2, 1, 1))
        #expect(kit.folder.files(under: "Outbox/sent").count == 2)
        #expect(kit.folder.files(under: "Outbox/failed").filter { $0.hasSuffix(".eml") }.count == 1)
        #expect(kit.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".eml") }.count == 1, "the deferred one waits")
        #expect(!kit.folder.exists("Outbox/queue/.inflight"), "the window is closed")
        let head = try #require(
            try JSONSerialization.jsonObject(with: Data(try kit.folder.read("Outbox/deliveries.head").utf8)) as? [String: Any]
        )
        #expect(head["entries"] as? Int == (try outcomes(kit).count), "the head names the last entry")
        // What the server took is byte for byte what sent/ keeps.
        let sent = kit.folder.files(under: "Outbox/sent").map { Array(try! Data(contentsOf: kit.folder.url.appendingPathComponent($0))) }
        #expect(Set(sent) == Set(transport.taken))
        // A copy of each accepted email in the folder marked \Sent, once, recorded.
        #expect(result.sentCopies.filed == 2 && result.sentCopies.folder == "Sent")
        #expect(Set(mailbox.folders["Sent"]!.map(\.bytes)) == Set(transport.taken))
        #expect(mailbox.folders["Sent"]!.allSatisfy { $0.seen })
        #expect(try outcomes(kit).filter { $0.hasSuffix("sent-items-copy") }.count == 2)
        // Sending the queue again files nothing twice.
        _ = try send(kit, .queued, transport: transport, mailbox: mailbox)
        #expect(mailbox.folders["Sent"]!.count == 2)
    }

    @Test func aSignInProblemStopsTheBatchAndKeepsEveryMessageQueued() throws {
        let kit = try practice()
        let transport = MemoryTransport()
        transport.failure = MailServerError(.signInNeeded, "The mailbox is not connected")
        let result = try send(kit, .template("chase", .overdue), transport: transport, mailbox: MemoryMailbox())
        #expect(result.stop?.kind == .configuration)
        #expect(result.stop?.reason == .mailboxSignInNeeded)
        #expect(result.accepted + result.refused == 0)
        #expect(kit.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".eml") }.count == 4)
        #expect(kit.folder.files(under: "Outbox/failed").isEmpty)
    }

    /// Issue 20.3: a paused claim's queued email waits in the queue until the claim is resumed.
    @Test func aPausedClaimsQueuedEmailWaitsUntilItIsResumed() throws {
        let kit = try practice()
        let down = MemoryTransport()
        down.failure = MailServerError(.signInNeeded, "The mailbox is not connected")
        _ = try send(kit, .template("chase", .overdue), transport: down, mailbox: MemoryMailbox())
        #expect(kit.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".eml") }.count == 4)
        func change(_ change: PauseJob.Change) throws {
            _ = try PauseJob(workspace: kit.workspace, claimID: "Q-2026-001", change: change, asOf: Self.day).run(
                logger: kit.logger,
                clock: KitFixture.clock
            )
        }
        try change(.pause(reason: "promise to pay by the 25th", until: CalendarDate(year: 2026, month: 11, day: 25)!))
        let up = MemoryTransport()
        let held = try send(kit, .queued, transport: up, mailbox: MemoryMailbox())
        #expect(held.accepted == 3 && held.waiting == 1)
        #expect(
            held.notes.contains {
                if case .paused(_, "Q-2026-001", "paused until 25 November 2026: promise to pay by the 25th") = $0 { true } else { false }
            }
        )
        #expect(!up.taken.contains { String(decoding: $0, as: UTF8.self).contains("our ref Q-2026-001") }, "nothing for the paused claim went")
        #expect(up.taken.count == 3)
        #expect(kit.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".eml") }.count == 1)
        try change(.resume)
        let sent = try send(kit, .queued, transport: up, mailbox: MemoryMailbox())
        #expect(sent.accepted == 1 && sent.waiting == 0)
        #expect(kit.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".eml") }.isEmpty)
    }

    @Test func sendAsDeniedKeepsThatMessageQueuedAndTriesNoMore() throws {
        let kit = try practice()
        let transport = MemoryTransport()
        var denied = SMTPResult(outcome: .deferred, reply: "554 5.2.0 SendAsDeniedException", dsnRequested: false, serverAnswered: true)
        denied.signInProblem = "may not send as the practice"
        transport.answers["nelicb.payments@nhs.example"] = denied
        let result = try send(kit, .template("chase", .overdue), transport: transport, mailbox: MemoryMailbox())
        #expect(result.stop?.description == "may not send as the practice")
        #expect(transport.attempts == 1, "the batch stops at the first refusal")
        #expect(kit.folder.files(under: "Outbox/failed").isEmpty)
        #expect(kit.folder.files(under: "Outbox/queue").filter { $0.hasSuffix(".eml") }.count == 4)
    }

    @Test func aReadReceiptInTheMailboxIsRecordedOnceAndFlagged() throws {
        let kit = try practice()
        let transport = MemoryTransport()
        let mailbox = MemoryMailbox()
        _ = try send(kit, .template("chase", .ids(["D-2026-014"])), transport: transport, mailbox: mailbox)
        let sentID = try #require(
            try kit.folder.read("Outbox/deliveries.jsonl").split(separator: "\n").compactMap {
                (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["message_id"] as? String
            }.first
        )
        let receipt = String(
            decoding: try Data(
                contentsOf: TestPaths.repository.appendingPathComponent("Tests/PayChaseMailTests/Fixtures/receipts/exchange-online-read.eml")
            ),
            as: UTF8.self
        )
        .replacingOccurrences(of: "20261122T224058123-0000-Q-1@riverside.example", with: sentID)
        mailbox.deliver(Array(receipt.utf8))
        mailbox.deliver(Array("From: news@lmc.example\r\nSubject: LMC news\r\nMessage-ID: <n@lmc.example>\r\n\r\nNews.\r\n".utf8))
        var job = ReturnedMailJob(workspace: kit.workspace)
        job.environment = ["P": "secret"]
        job.mailbox = mailbox.factory
        let first = try job.run(logger: kit.logger, clock: KitFixture.clock)
        #expect(first.recorded.map(\.summary) == ["displayed (automatic)"])
        #expect(first.unrelated == 1)
        #expect(mailbox.folders["INBOX"]!.map(\.seen) == [true, false], "only what was recorded is flagged")
        mailbox.uidValidity = 8
        let again = try job.run(logger: kit.logger, clock: KitFixture.clock)
        #expect(again.rescanned && again.recorded.isEmpty && again.alreadyRecorded == 1, "read again, recorded once")
    }
}

extension DispatcherTests {
    @Test func theRecordSealGoesOnceADayWhenAnythingWasRecorded() throws {
        let kit = try practice()
        let transport = MemoryTransport()
        let mailbox = MemoryMailbox()
        var options = SendJob.Options()
        options.environment = ["P": "secret"]
        options.transport = transport.factory
        options.mailbox = mailbox.factory
        let seal = SealJob(workspace: kit.workspace, options: options)
        #expect(try seal.run(on: Self.day, logger: kit.logger, clock: KitFixture.clock) == nil, "nothing recorded, nothing to seal")

        _ = try send(kit, .template("chase", .ids(["D-2026-014"])), transport: transport, mailbox: mailbox)
        let entriesBefore = try kit.folder.read("Outbox/deliveries.jsonl").split(separator: "\n")
        let sealed = try #require(try seal.run(on: Self.day, logger: kit.logger, clock: KitFixture.clock))
        #expect(sealed.accepted == 1)
        let text = String(decoding: try #require(transport.taken.last), as: UTF8.self)
        #expect(text.contains("To: Riverside Medical Centre <manager@riverside.example>"))
        #expect(text.contains("Subject: PayChase record seal, 22 November 2026: \(entriesBefore.count) entries"))
        let last = try #require(try JSONSerialization.jsonObject(with: Data(entriesBefore.last!.utf8)) as? [String: Any])
        #expect(
            text.contains("X-PayChase-Record: entries=\(entriesBefore.count)\r\n sha256=\(last["entry"]!)"),
            "the head just before the seal's own entry"
        )
        #expect(try outcomes(kit).filter { $0.hasPrefix("- ") } == ["- accepted", "- sent-items-copy"], "recorded, and its copy filed")

        #expect(try seal.run(on: Self.day, logger: kit.logger, clock: KitFixture.clock) == nil, "once a day")
        // The seal was recorded on 23 November (the fixture's clock); the next day is the 24th.
        let tomorrow = CalendarDate(year: 2026, month: 11, day: 24)!
        #expect(try seal.run(on: tomorrow, logger: kit.logger, clock: KitFixture.clock) == nil, "nothing recorded since the last seal")
        _ = try send(kit, .template("chase", .ids(["Q-2026-001"])), transport: transport, mailbox: mailbox)
        #expect(try seal.run(on: tomorrow, logger: kit.logger, clock: KitFixture.clock)?.accepted == 1)
    }
}
