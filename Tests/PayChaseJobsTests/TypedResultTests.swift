import Foundation
import PayChaseDomain
import PayChaseJobs
import PayChaseTestSupport
import Testing

/// Notes and failures come back as values a web page can show its own way: no job's result
/// names a command-line option or a `paychase` command.
struct TypedResultTests {
    static let day = JobTests.day

    /// True when the text tells the reader to use the command line.
    static func namesTheCommandLine(_ text: String) -> Bool { text.contains("paychase ") || text.contains("--") }

    @Test func aDamagedRecordIsTypedAndNamesNoCommand() throws {
        let kit = try KitFixture()
        try kit.postAppeal(for: "D-2026-014", on: Self.day)
        try kit.folder.write(
            "Outbox/deliveries.jsonl",
            try kit.folder.read("Outbox/deliveries.jsonl").replacingOccurrences(of: "first class", with: "by hand")
        )
        let status = #expect(throws: PayChaseError.self) { try StatusJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger) }
        #expect(status?.kind == .invalidData)
        #expect(status?.reason == .damagedRecord)
        #expect(status?.description.hasSuffix("The record does not verify, so PayChase will not add to it or act on it.") == true)
        let check = #expect(throws: PayChaseError.self) { try CheckJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger) }
        #expect(check?.problems.contains { $0.reason == .damagedRecord } == true, "kept among the other problems check gathers")
        for error in [status, check].compactMap({ $0 }) {
            #expect(!Self.namesTheCommandLine(error.description), "\(error)")
        }
    }

    @Test func anUnknownQueueIDAndAnUnprintedLetterSayWhatIsMissing() throws {
        let kit = try KitFixture()
        let queued = #expect(throws: PayChaseError.self) {
            try QueueJob(workspace: kit.workspace).confirmDelivered("nothing-here", logger: kit.logger)
        }
        #expect(queued?.reason == .notQueued(id: "nothing-here"))
        #expect(queued?.description == "there is no queued message nothing-here")
        let posting = PostingJob(
            workspace: kit.workspace,
            template: "appeal",
            claimIDs: ["Q-2026-001"],
            postedOn: Self.day,
            method: "first class",
            tracking: nil
        )
        let unprinted = #expect(throws: PayChaseError.self) { try posting.run(logger: kit.logger) }
        #expect(unprinted?.kind == .usage)
        #expect(unprinted?.reason == .letterNotPrinted(template: "appeal", claimID: "Q-2026-001"))
        #expect(unprinted?.description == "there is no printed appeal for claim Q-2026-001")
    }

    @Test func textThatMustBeOneLineNamesTheInputNotAnOption() throws {
        let kit = try KitFixture()
        let payment = PaymentJob(workspace: kit.workspace, claimID: "Q-2026-001", amount: "10", receivedOn: Self.day, reference: "BACS\n123")
        let reference = #expect(throws: PayChaseError.self) { try payment.run(logger: kit.logger) }
        #expect(reference?.kind == .usage)
        #expect(reference?.reason == .notOneLine(.paymentReference))
        #expect(reference?.description == "the payment reference must be one line of at most 200 characters")
        let tracking = PostingJob(
            workspace: kit.workspace,
            template: "appeal",
            claimIDs: ["D-2026-014"],
            postedOn: Self.day,
            method: "first class",
            tracking: String(repeating: "T", count: 201)
        )
        let long = #expect(throws: PayChaseError.self) { try tracking.run(logger: kit.logger) }
        #expect(long?.reason == .notOneLine(.postingTracking))
        #expect(!kit.folder.exists("Outbox/deliveries.jsonl"), "nothing recorded")
    }

    @Test func aClaimTheTemplateIsNotForIsATypedNote() throws {
        let kit = try KitFixture()
        let result = try DraftJob(workspace: kit.workspace, template: "formal-complaint", selection: .overdue, asOf: Self.day).run(logger: kit.logger)
        let skipped = try #require(result.notes.first { $0.claimID == "P-2026-003" })
        guard case .skipped(_, let template, let onlyFor) = skipped else {
            Issue.record("\(skipped)")
            return
        }
        #expect(template == "formal-complaint")
        #expect(skipped.description == "P-2026-003: skipped, formal-complaint is only for \(onlyFor)")
    }

    @Test func theEvidencePackNamesTheChecksItsFrontEndGives() throws {
        let kit = try KitFixture()
        try kit.postAppeal(for: "D-2026-014", on: Self.day)
        let checks = EvidenceJob.Checks(wholeRecord: "Record > Verify", againstEmail: "Record > Verify against an email")
        let pack = try EvidenceJob(workspace: kit.workspace, claimID: "D-2026-014", zip: false, checks: checks).run(
            logger: kit.logger,
            clock: KitFixture.clock
        )
        #expect(pack.events == 1)
        let text = try PDFTools.text(pack.folder + "/evidence.pdf").replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("checks with: Record > Verify."))
        #expect(text.contains("checks the record against it: Record > Verify against an email."))
        #expect(!text.contains("paychase log"))
    }
}
