import Foundation
import PayChaseDomain
import PayChaseJobs
import PayChaseOutbox
import PayChaseTestSupport
import Testing

/// The jobs that repair and check the record, settle an uncertain message and record a payment,
/// called in-process as the web service will call them.
struct RecordJobTests {
    static let day = JobTests.day

    /// The appeal for D-2026-014 and then for Q-2026-001 printed and posted: two record entries.
    func twoPostings(_ kit: KitFixture) throws {
        for claim in ["D-2026-014", "Q-2026-001"] { try kit.postAppeal(for: claim, on: Self.day, clock: KitFixture.clock) }
    }

    @Test func repairKeepsTheEntriesThatVerifyAndTheDamagedFileBesideThem() throws {
        let kit = try KitFixture()
        try twoPostings(kit)
        let lines = try kit.folder.read("Outbox/deliveries.jsonl").split(separator: "\n")
        let damaged = lines[0] + "\n" + lines[1].replacingOccurrences(of: "first class", with: "by hand") + "\n"
        try kit.folder.write("Outbox/deliveries.jsonl", damaged)
        let job = LogJob(workspace: kit.workspace)
        #expect(throws: PayChaseError.self) { try StatusJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger) }

        let repair = try job.repair(logger: kit.logger, clock: KitFixture.clock)
        #expect(repair.kept == 1)
        #expect(repair.problem.hasSuffix("deliveries.jsonl:2: was edited (its contents no longer match its hash)"))
        #expect(try String(contentsOfFile: repair.damagedCopy, encoding: .utf8) == damaged, "the damaged record is kept as it was")
        #expect(repair.damagedSHA256 == SHA256Hex.digest(Array(damaged.utf8)))

        let verified = try job.verify(logger: kit.logger)
        #expect(verified.entries == 2, "the entry that verified, and the repair")
        let entries = job.entries(claim: nil, logger: kit.logger)
        #expect(entries.map(\.kind) == [.posted, .repaired])
        #expect(entries[0].claimID == "D-2026-014")
        #expect(
            entries[1].entry
                == .repair(
                    RecordRepaired(
                        problem: repair.problem,
                        damagedCopy: String(repair.damagedCopy.split(separator: "/").last!),
                        sha256: repair.damagedSHA256
                    )
                )
        )
        #expect(entries[1].time == "2026-11-23T12:00:00.000Z", "timed by the job's clock")
        #expect(try StatusJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger).rows.count == 6, "the record can be acted on again")

        let again = #expect(throws: PayChaseError.self) { try job.repair(logger: kit.logger, clock: KitFixture.clock) }
        #expect(again?.kind == .usage, "an intact record has nothing to repair")
    }

    @Test func theRecordIsCheckedAgainstTheHeadsEmailsCarry() throws {
        let kit = try KitFixture()
        try twoPostings(kit)
        let drafted = try DraftJob(workspace: kit.workspace, template: "chase", selection: .ids(["L-2026-007"]), asOf: Self.day)
            .run(logger: kit.logger, clock: KitFixture.clock)
        let email = try #require(drafted.written.first)
        let entries = LogJob(workspace: kit.workspace).entries(claim: nil, logger: kit.logger)
        let head = RecordHead(entries: 2, last: entries[1].hash)
        #expect(try ParsedEmail.parse(path: email).header(RecordHead.headerName) == head.headerValue, "the draft carries the record's head")

        let folded = kit.folder.path + "/folded.eml"
        try "From: a@b.example\r\n\(RecordHead.headerName): entries=1\r\n\tsha256=\(entries[0].hash)\r\nSubject: s\r\n\r\nbody\r\n"
            .write(toFile: folded, atomically: true, encoding: .utf8)
        let plain = kit.folder.path + "/plain.eml"
        try "From: a@b.example\r\nSubject: not ours\r\n\r\nX-PayChase-Record: entries=9 sha256=0\r\n".write(
            toFile: plain,
            atomically: true,
            encoding: .utf8
        )

        let job = LogJob(workspace: kit.workspace)
        let checked = try job.verify(against: [email, folded, plain], logger: kit.logger)
        #expect(checked.verified.entries == 2)
        #expect(
            checked.witnesses.map(\.head) == [head, RecordHead(entries: 1, last: entries[0].hash), nil],
            "a folded head is read; a body is not a header"
        )
        #expect(checked.witnesses.allSatisfy { $0.problem == nil })

        let later = kit.folder.path + "/later.eml"
        try "\(RecordHead.headerName): entries=3 sha256=\(entries[1].hash)\r\n\r\n".write(toFile: later, atomically: true, encoding: .utf8)
        let rewritten = kit.folder.path + "/rewritten.eml"
        try "\(RecordHead.headerName): entries=2 sha256=\(entries[0].hash)\r\n\r\n".write(toFile: rewritten, atomically: true, encoding: .utf8)
        let error = #expect(throws: PayChaseError.self) { try job.verify(against: [email, later, rewritten], logger: kit.logger) }
        #expect(error?.kind == .invalidData)
        #expect(error?.problems.map(\.file) == [later, rewritten], "only the witnesses that disagree")
        #expect(error?.problems.allSatisfy { $0.field == RecordHead.headerName } == true)
        #expect(error?.problems.first?.message.hasSuffix("but the record now has 2: entries were removed") == true)
        #expect(error?.problems.last?.message.hasSuffix("the record was rewritten") == true)
    }

    @Test func anUncertainMessageConfirmedDeliveredMovesToSentAndCountsAsSent() throws {
        let kit = try KitFixture()
        let bytes = Array("Subject: chase\r\n\r\nPlease pay.\r\n".utf8)
        var message = QueuedMessage(
            id: MessageQueue.newID(claimID: "L-2026-007", template: "chase", at: Date(timeIntervalSince1970: 1_795_400_000)),
            claimID: "L-2026-007",
            template: "chase",
            messageID: "<m1@riverside.example>",
            from: "manager@riverside.example",
            to: ["payments@towerhamlets.example"],
            subject: "chase",
            sha256: SHA256Hex.digest(bytes),
            queuedAt: Date(timeIntervalSince1970: 1_795_400_000)
        )
        do {
            let outbox = try OutboxSession(working: kit.workspace.outbox, logger: kit.logger)
            let batch = try outbox.queue.newBatch()
            try outbox.queue.enqueue(bytes, as: message, batch: batch)
            try batch.commit()
            message.state = .uncertain
            message.attempts = 1
            message.lastReply = "no reply after the end of the message"
            try outbox.queue.save(message)
        }
        let job = QueueJob(workspace: kit.workspace)
        #expect(try job.list(logger: kit.logger).map(\.state) == [.uncertain])

        let confirmed = try job.confirmDelivered(message.id, logger: kit.logger, clock: KitFixture.clock)
        #expect(confirmed.id == message.id)
        #expect(try job.list(logger: kit.logger).isEmpty)
        #expect(kit.folder.exists("Outbox/sent/\(message.id).eml"))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: kit.folder.path + "/Outbox/sent/\(message.id).eml"))) == bytes)
        let entry = try #require(LogJob(workspace: kit.workspace).entries(claim: "L-2026-007", logger: kit.logger).last)
        #expect(
            entry.entry
                == .email(
                    EmailAttempt(
                        message: message.sentEmail,
                        server: "-",
                        reply: "confirmed delivered by the practice after an uncertain attempt",
                        outcome: .confirmed,
                        sha256: message.sha256,
                        dsnRequested: false,
                        attempt: 1
                    )
                )
        )
        #expect(entry.time == "2026-11-23T12:00:00.000Z")
        let row = try #require(
            try StatusJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger).rows.first { $0.claimID == "L-2026-007" }
        )
        #expect(row.attempts == 1, "a confirmed email counts as sent")

        let twice = #expect(throws: PayChaseError.self) { try job.confirmDelivered(message.id, logger: kit.logger) }
        #expect(twice?.reason == .notQueued(id: message.id))
    }

    @Test func onlyAnUncertainMessageCanBeConfirmed() throws {
        let kit = try KitFixture()
        let message = QueuedMessage(
            id: MessageQueue.newID(claimID: "L-2026-007", template: "chase"),
            claimID: "L-2026-007",
            template: "chase",
            messageID: "<m2@riverside.example>",
            from: "manager@riverside.example",
            to: ["payments@towerhamlets.example"],
            subject: "chase",
            sha256: SHA256Hex.digest([1]),
            queuedAt: Date()
        )
        do {
            let outbox = try OutboxSession(working: kit.workspace.outbox, logger: kit.logger)
            let batch = try outbox.queue.newBatch()
            try outbox.queue.enqueue([1], as: message, batch: batch)
            try batch.commit()
        }
        let error = #expect(throws: PayChaseError.self) { try QueueJob(workspace: kit.workspace).confirmDelivered(message.id, logger: kit.logger) }
        #expect(error?.kind == .usage)
        #expect(error?.description.hasSuffix("is queued, not uncertain; only a message the server may already have can be confirmed") == true)
        #expect(!kit.folder.exists("Outbox/deliveries.jsonl"), "nothing recorded")
    }

    @Test func aPaymentIsRecordedAndLowersWhatIsOutstanding() throws {
        let kit = try KitFixture()
        let received = CalendarDate(year: 2026, month: 11, day: 20)!
        let before = try #require(
            try StatusJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger).rows.first { $0.claimID == "Q-2026-001" }
        )
        let payment = PaymentJob(workspace: kit.workspace, claimID: "Q-2026-001", amount: "£1,000.00", receivedOn: received, reference: "BACS-123")
        let result = try payment.run(logger: kit.logger, clock: KitFixture.clock)
        #expect(result.amount == Money(pence: 100_000))
        #expect(result.outstanding == before.outstanding - Money(pence: 100_000))
        #expect(result.receivedOn == received)

        let entry = try #require(LogJob(workspace: kit.workspace).entries(claim: "Q-2026-001", logger: kit.logger).first)
        guard case .paymentReceived(let payment) = entry.entry else {
            Issue.record("not a payment: \(entry)")
            return
        }
        #expect(payment.amount == Money(pence: 100_000) && payment.receivedOn.description == "2026-11-20" && payment.reference == "BACS-123")
        #expect(entry.time == "2026-11-23T12:00:00.000Z")
        let after = try #require(
            try StatusJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger).rows.first { $0.claimID == "Q-2026-001" }
        )
        #expect(after.outstanding == result.outstanding)
        #expect(after.feedback.paymentsRecorded == Money(pence: 100_000))

        let tooMuch = PaymentJob(
            workspace: kit.workspace,
            claimID: "Q-2026-001",
            amount: "\(result.outstanding.pence / 100 + 1)",
            receivedOn: received,
            reference: nil
        )
        let error = #expect(throws: PayChaseError.self) { try tooMuch.run(logger: kit.logger) }
        #expect(error?.kind == .usage)
        #expect(error?.description.contains("is more than the \(result.outstanding.formatted) outstanding on Q-2026-001") == true)
        #expect(LogJob(workspace: kit.workspace).entries(claim: nil, logger: kit.logger).count == 1, "nothing more recorded")
        #expect(try LogJob(workspace: kit.workspace).verify(logger: kit.logger).entries == 1)
    }
}
