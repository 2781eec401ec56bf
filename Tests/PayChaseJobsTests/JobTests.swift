import Foundation
import PayChaseDomain
import PayChaseJobs
import PayChaseOutbox
import PayChaseTestSupport
import Testing

/// Every job called as a library: typed results and errors with a stable kind, nothing printed.
struct JobTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 22)!

    @Test func checkCountsTheClaimsAndNamesWhatIsBlocked() throws {
        let kit = try KitFixture()
        let result = try CheckJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger)
        #expect(result.claims == 6)
        #expect(result.outstanding.formatted == "£8,665.06")
        #expect(result.overdue == 4)
        #expect(result.templates == 11)
        #expect(result.warnings.contains { $0.template == "dispute-resolution" && $0.setting == "dispute_resolution" })
    }

    @Test func aBadAmountIsInvalidDataNamingFileLineAndColumn() throws {
        let kit = try KitFixture()
        let claims = try kit.folder.read("claims.csv").replacingOccurrences(of: "\"1,234.56\"", with: "12.345")
        try kit.folder.write("claims.csv", claims)
        let error = #expect(throws: PayChaseError.self) { try CheckJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger) }
        #expect(error?.kind == .invalidData)
        let problem = try #require(error?.problems.first)
        #expect(problem.file == kit.workspace.claimsPath)
        #expect(problem.line == 3)
        #expect(problem.field == "amount")
    }

    @Test func aBrokenProfileIsAConfigurationError() throws {
        let kit = try KitFixture()
        try kit.folder.write("paychase.yaml", try kit.folder.read("paychase.yaml").replacingOccurrences(of: "contract: GMS", with: "contract: XYZ"))
        let error = #expect(throws: PayChaseError.self) { try StatusJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger) }
        #expect(error?.kind == .configuration)
        #expect(error?.problems.first?.field == "practice.contract")
    }

    @Test func draftWritesEachOverdueClaimAndReturnsThePaths() throws {
        let kit = try KitFixture()
        let result = try DraftJob(workspace: kit.workspace, template: "chase", selection: .overdue, asOf: Self.day)
            .run(logger: kit.logger, clock: KitFixture.clock)
        #expect(
            result.written.map { URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent }
                == ["Q-2026-001", "D-2026-014", "L-2026-007", "P-2026-003"]
        )
        #expect(result.problems.isEmpty)
        let email = try ParsedEmail.parse(path: result.written[0])
        #expect(email.header("Date") == "Mon, 23 Nov 2026 12:00:00 +0000", "the job's clock dates the email")
    }

    /// Claims enough for three parts of `DocumentBatch.chunk` (256), the last one short.
    static let severalParts = 256 * 3 - 57

    /// A claims file of `count` overdue claims C-1, C-2, …, each with a reference but those in
    /// `withoutReference`.
    static func writeClaims(_ count: Int, withoutReference blank: Set<Int> = [], in kit: KitFixture) throws {
        var lines = ["claim_id,service,category,period,amount,submitted_on,reference"]
        for index in 1...count {
            lines.append("C-\(index),Minor surgery DES,DES,Q2 2026/27,100.00,2026-09-30,\(blank.contains(index) ? "" : "REF-\(index)")")
        }
        try kit.folder.write("claims.csv", lines.joined(separator: "\n") + "\n")
    }

    /// Drafts are rendered a part (256 claims, `DocumentBatch.chunk`) ahead of the files being written:
    /// over several parts, every draft is still its own claim's, written in claim order, and the
    /// claims that cannot be filled in are named in order, whichever part they fall in.
    @Test func draftsOverSeveralPartsAreWrittenInClaimOrderEachItsOwnClaims() throws {
        let kit = try KitFixture()
        let count = Self.severalParts
        let blank: Set<Int> = [5, 256 + 44, count]
        try Self.writeClaims(count, withoutReference: blank, in: kit)
        try kit.folder.write(
            "mine/chase.mustache",
            TemplateText.email(subject: "Payment for {{claim.id}}", body: "Your reference: {{claim.reference}}")
        )
        var workspace = kit.workspace
        workspace.templatesPath = kit.folder.path + "/mine"
        let result = try DraftJob(workspace: workspace, template: "chase", selection: .overdue, asOf: Self.day).run(logger: kit.logger)

        let drafted = (1...count).filter { !blank.contains($0) }
        let folders = result.written.map { URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent }
        #expect(folders.count == drafted.count)
        let misplaced = zip(folders, drafted).first { folder, index in folder != "C-\(index)" }
        #expect(misplaced == nil, "the first draft out of its claim's place: \(String(describing: misplaced))")
        #expect(result.problems.map(\.claimID) == blank.sorted().map { "C-\($0)" })
        for (path, index) in zip(result.written, drafted) where index % 37 == 0 || index > count - 3 {
            let email = try ParsedEmail.parse(path: path)
            #expect(email.header("Subject") == "Payment for C-\(index)")
            #expect(email.body?.contains("Your reference: REF-\(index)") == true)
        }
        #expect(kit.folder.files(under: "Outbox/drafts").count == drafted.count)
    }

    /// A draft that cannot be written while the next part is being rendered stops the run with
    /// that draft's path, and leaves nothing behind: no draft and no temporary file.
    @Test func aDraftThatCannotBeWrittenMidRunStopsItAndLeavesNothing() throws {
        let kit = try KitFixture()
        try Self.writeClaims(Self.severalParts, in: kit)
        // A file where claim C-300's folder goes: its draft, in the second part, cannot be written.
        try kit.folder.write("Outbox/drafts/C-300", "not a folder\n")
        let error = #expect(throws: PayChaseError.self) {
            try DraftJob(workspace: kit.workspace, template: "chase", selection: .overdue, asOf: Self.day).run(logger: kit.logger)
        }
        #expect(
            error?.description.hasSuffix("/Outbox/drafts/C-300/chase.eml: cannot create: Not a directory") == true,
            "\(String(describing: error))"
        )
        #expect(kit.folder.files(under: "Outbox/drafts") == ["Outbox/drafts/C-300"])
        #expect(kit.folder.files(under: "Outbox").allSatisfy { !$0.contains(".tmp-") })
    }

    @Test func aNamedClaimTheDocumentIsNotForIsAProblemWithItsClaim() throws {
        let kit = try KitFixture()
        let result = try DraftJob(workspace: kit.workspace, template: "formal-complaint", selection: .ids(["P-2026-003"]), asOf: Self.day)
            .run(logger: kit.logger)
        #expect(result.written.isEmpty)
        #expect(result.problems.map(\.claimID) == ["P-2026-003"])
    }

    @Test func anUnknownTemplateIsAUsageError() throws {
        let kit = try KitFixture()
        let error = #expect(throws: PayChaseError.self) {
            try DraftJob(workspace: kit.workspace, template: "chse", selection: .overdue, asOf: Self.day).run(logger: kit.logger)
        }
        #expect(error?.kind == .usage)
        #expect(error?.description.hasPrefix("there is no template called 'chse'") == true)
    }

    @Test func printingAnEmailIsAUsageErrorAndWritesNothing() throws {
        let kit = try KitFixture()
        let error = #expect(throws: PayChaseError.self) {
            try PrintJob(workspace: kit.workspace, template: "chase", selection: .overdue, asOf: Self.day, printer: nil).run(logger: kit.logger)
        }
        #expect(error?.kind == .usage)
        #expect(!kit.folder.exists("Outbox/letters"))
    }

    @Test func aPostedLetterCountsInStatusAndTheLog() throws {
        let kit = try KitFixture()
        let printed = try PrintJob(workspace: kit.workspace, template: "appeal", selection: .ids(["D-2026-014"]), asOf: Self.day, printer: nil)
            .run(logger: kit.logger)
        #expect(printed.written == [kit.workspace.outbox.letters + "/D-2026-014-appeal.pdf"])
        let posting = PostingJob(
            workspace: kit.workspace,
            template: "appeal",
            claimIDs: ["D-2026-014"],
            postedOn: Self.day,
            method: "first class",
            tracking: nil
        )
        let first = try posting.run(logger: kit.logger, clock: KitFixture.clock)
        #expect(first.recorded.map(\.claimID) == ["D-2026-014"])
        #expect(first.recorded.first?.sha256.count == 64)
        let second = try posting.run(logger: kit.logger, clock: KitFixture.clock)
        #expect(second.recorded.isEmpty)
        #expect(second.alreadyRecorded.first?.alreadyRecordedOn == "2026-11-22")

        let status = try StatusJob(workspace: kit.workspace, asOf: Self.day).run(logger: kit.logger)
        let row = try #require(status.rows.first { $0.claimID == "D-2026-014" })
        #expect(row.attempts == 1)
        #expect(row.nextStep.templates == ["lmc-referral"])
        let entries = LogJob(workspace: kit.workspace).entries(claim: "D-2026-014", logger: kit.logger)
        #expect(entries.map(\.kind) == [.posted])
        #expect(entries.first?.time == "2026-11-23T12:00:00.000Z", "the record is timed by the job's clock")
        #expect(try LogJob(workspace: kit.workspace).verify(logger: kit.logger).entries == 1)
    }

    @Test func aTamperedRecordIsInvalidData() throws {
        let kit = try KitFixture()
        try kit.postAppeal(for: "D-2026-014", on: Self.day)
        let record = try kit.folder.read("Outbox/deliveries.jsonl").replacingOccurrences(of: "first class", with: "by hand")
        try kit.folder.write("Outbox/deliveries.jsonl", record)
        let error = #expect(throws: PayChaseError.self) { try LogJob(workspace: kit.workspace).verify(logger: kit.logger) }
        #expect(error?.kind == .invalidData)
        #expect(error?.description.hasSuffix("deliveries.jsonl:1: was edited (its contents no longer match its hash)") == true)
    }

    @Test func sendingWithoutAServerDraftsAndStopsWithAConfigurationError() throws {
        let kit = try KitFixture()
        let result = try SendJob(workspace: kit.workspace, source: .template("chase", .overdue), asOf: Self.day, options: .init())
            .run(logger: kit.logger, clock: KitFixture.clock)
        #expect(result.stop?.kind == .configuration)
        #expect(result.drafts.written.count == 4)
        #expect(result.queued == 0 && result.attempted == 0)
        #expect(!kit.folder.exists("Outbox/queue"))
    }

    @Test func theQueueListsNothingAndAnUnknownIDIsAUsageError() throws {
        let kit = try KitFixture()
        let job = QueueJob(workspace: kit.workspace)
        #expect(try job.list(logger: kit.logger).isEmpty)
        let error = #expect(throws: PayChaseError.self) { try job.confirmDelivered("nothing-here", logger: kit.logger) }
        #expect(error?.kind == .usage)
    }

    @Test func templatesListEveryBuiltInWithItsVariables() throws {
        let kit = try KitFixture()
        let listing = TemplatesJob(workspace: kit.workspace).run(logger: kit.logger)
        #expect(listing.templates.map(\.name) == DocumentName.all)
        let chase = try #require(listing.templates.first { $0.name == "chase" })
        #expect(chase.forms == ["email"])
        #expect(chase.recipient == "paymaster")
        #expect(chase.variables.contains("claim.outstanding"))
        #expect(listing.problems.isEmpty)
    }
}
