import Foundation
import PayChaseTestSupport
import Testing

/// Issue 23.3 and 23.4: the claim's evidence sent by email through the real Postfix, its files
/// arriving intact, the record's proof of it shown where the practice and a reader of its
/// letters look; and the rules that keep patient data where it may go.
extension SendTests {
    /// The example practice with D-2026-014's evidence files beside the claims file, and the
    /// ICB's test domain (nhs.example, standing in for nhs.net) allowed patient data.
    static func evidencePractice(domains: String = "[nhs.example]", sizeLimit: Int? = nil) throws -> (SendingPractice, [String: String]) {
        let practice = try SendingPractice()
        let folder = practice.folder
        var profile = try folder.read("paychase.yaml")
        profile += "evidence:\n  patient_data_domains: \(domains)\n" + (sizeLimit.map { "  size_limit_mb: \($0)\n" } ?? "")
        try folder.write("paychase.yaml", profile)
        let claims = try folder.read("claims.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let withFiles = claims.enumerated().map { index, line -> String in
            guard !line.isEmpty else { return line }
            if index == 0 { return line + ",evidence_files" }
            return line + (line.hasPrefix("D-2026-014,") ? ",evidence/minor-surgery-log.pdf; evidence/consent audit.csv" : ",")
        }
        try folder.write("claims.csv", withFiles.joined(separator: "\n"))
        // A log with every byte value, and a CSV: the attachments must arrive byte for byte.
        var log = Array("%PDF-1.4\n".utf8)
        for index in 0..<300_000 { log.append(UInt8(truncatingIfNeeded: index &* 7919 &+ index >> 8)) }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("evidence"), withIntermediateDirectories: true)
        try Data(log).write(to: folder.url.appendingPathComponent("evidence/minor-surgery-log.pdf"))
        try folder.write("evidence/consent audit.csv", "procedure,consent\nexcision,signed\ncryotherapy,signed\n")
        let digests = try ["minor-surgery-log.pdf", "consent audit.csv"].reduce(into: [String: String]()) { digests, name in
            digests[name] = String(try Command.run("/usr/bin/sha256sum", [folder.path + "/evidence/" + name]).stdout.prefix(64))
        }
        return (practice, digests)
    }

    @Test func evidenceGoesByEmailArrivesIntactAndBecomesTheProof() throws {
        let (practice, digests) = try Self.evidencePractice()
        let rig = practice.rig
        let before = rig.deliveredFiles(to: "nelicb.payments@nhs.example")
        let result = try practice.paychase("send", "evidence-submission", "--claim", "D-2026-014", "--as-of", "2026-10-03")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("accepted: D-2026-014 evidence-submission to nelicb.payments@nhs.example: 250 2.0.0 Ok: queued as"))

        // In the ICB's Maildir exactly once, both files intact, receipts asked for.
        #expect(rig.waitForDelivery(to: "nelicb.payments@nhs.example", count: before.count + 1))
        let messageID = try practice.sentMessageID("D-2026-014", "evidence-submission")
        let arrived = rig.deliveredFiles(to: "nelicb.payments@nhs.example").filter {
            (try? String(contentsOfFile: $0, encoding: .utf8))?.contains(messageID) == true
        }
        #expect(arrived.count == 1)
        let parsed = try ParsedEmail.parse(path: try #require(arrived.first))
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.header("Disposition-Notification-To") == "<manager@riverside.example>")
        #expect(parsed.header("Subject") == "Evidence for our claim: Minor surgery DES Q2 2026/27 (F84001, our ref D-2026-014)")
        #expect(parsed.attachments.map { $0.filename ?? "" } == ["minor-surgery-log.pdf", "consent audit.csv"])
        for attachment in parsed.attachments {
            #expect(attachment.sha256 == digests[attachment.filename ?? ""], "\(attachment.filename ?? "?") arrived changed")
        }
        #expect(parsed.attachments.first?.contentType == "application/pdf" && parsed.attachments.first?.size == 300_009)
        #expect(parsed.body?.contains("- minor-surgery-log.pdf\n- consent audit.csv") == true)

        // The record's proof: no longer due in deadlines, shown in the next document and the pack.
        try practice.folder.write("services.csv", "service,category,frequency,claim_by\nMinor surgery DES,DES,quarterly,end of next month\n")
        let deadlines = try practice.paychase("deadlines", "--as-of", "2026-10-03")
        #expect(deadlines.status == 0 && !deadlines.stdout.contains("(claim D-2026-014): evidence"), "\(deadlines.stdout)")
        let chase = try practice.paychase("draft", "chase", "--claim", "D-2026-014", "--as-of", "2026-11-22")
        #expect(chase.status == 0, "\(chase.stderr)")
        let draft = try ParsedEmail.parse(path: practice.folder.path + "/Outbox/drafts/D-2026-014/chase.eml")
        let cited = try #require(draft.body?.components(separatedBy: "\n").first { $0.hasPrefix("Evidence submitted by email on ") })
        #expect(cited.contains(" to nelicb.payments@nhs.example, accepted by the mail server"))
        #expect(draft.body?.contains("(on 2 October 2026)") == false, "the proof replaces the date typed into the claims file")

        #expect(try practice.paychase("evidence", "D-2026-014").status == 0)
        let pack = practice.folder.path + "/Outbox/evidence/D-2026-014"
        let text = try PDFTools.text(pack + "/evidence.pdf").replacingOccurrences(of: "\n", with: " ")
        let proof = try #require(text.range(of: "Proof that the evidence was submitted"))
        #expect(text.range(of: "What happened, in order").map { proof.lowerBound < $0.lowerBound } == true, "the proof comes first")
        #expect(text.contains("Attached: minor-surgery-log.pdf, 300009 bytes, SHA-256 \(digests["minor-surgery-log.pdf"]!)"))
        #expect(FileManager.default.fileExists(atPath: pack + "/emails/01-evidence-submission.eml"))

        // The claim's page says it, as proof rather than a typed date.
        let server = try RunningServer(folder: practice.folder, environment: practice.folder.environment(practice.passwordEnvironment))
        let page = try server.get("/claims/D-2026-014")
        server.stop()
        #expect(page.contains("Proof of submission"), "\(page)")
        #expect(page.contains("Evidence submitted by email on ") && page.contains(" to nelicb.payments@nhs.example, accepted by the mail server"))
        #expect(!page.contains("as the claims file says; no email in the record proves it"))
    }

    @Test func evidenceIsRefusedForAnAddressPatientDataMayNotGoTo() throws {
        // The default allows nhs.net only: the ICB's test address is refused, and so is the council's.
        let (practice, _) = try Self.evidencePractice(domains: "[nhs.net]")
        let result = try practice.paychase("send", "evidence-submission", "--claim", "D-2026-014", "--as-of", "2026-10-03")
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "claim D-2026-014: evidence-submission: refused: evidence files may identify patients, and nelicb.payments@nhs.example is not at a domain the practice may send patient-identifiable data to (nhs.net, evidence.patient_data_domains in the profile). Submit the evidence through the commissioner's or council's secure portal, or from NHSmail to an accredited secure address"
            ),
            "\(result.stderr)"
        )
        // Nothing was queued, sent or left in drafts with the files in it.
        #expect(practice.folder.files(under: "Outbox/queue").isEmpty && practice.folder.files(under: "Outbox/sent").isEmpty)
        #expect(!practice.folder.files(under: "Outbox/drafts").contains { $0.contains("evidence-submission") })
        let draft = try practice.paychase("draft", "evidence-submission", "--claim", "D-2026-014", "--as-of", "2026-10-03")
        #expect(draft.status != 0 && draft.stderr.contains("is not at a domain the practice may send patient-identifiable data to"))
        #expect(!practice.folder.files(under: "Outbox/drafts").contains { $0.contains("evidence-submission") })
    }

    @Test func evidenceOverTheMailServersLimitIsRefusedWithTheSizes() throws {
        let (practice, _) = try Self.evidencePractice(sizeLimit: 1)
        var big = [UInt8](repeating: 0x41, count: 900_000)
        big[0] = 0x25
        try Data(big).write(to: practice.folder.url.appendingPathComponent("evidence/minor-surgery-log.pdf"))
        let result = try practice.paychase("send", "evidence-submission", "--claim", "D-2026-014", "--as-of", "2026-10-03")
        #expect(result.status != 0)
        #expect(
            result.stderr.contains(
                "refused: the evidence files come to 879 KB (minor-surgery-log.pdf 879 KB, consent audit.csv 1 KB), about 1.2 MB as an email, over the mail server's limit of 1.0 MB"
            ),
            "\(result.stderr)"
        )
        #expect(practice.folder.files(under: "Outbox/queue").isEmpty && practice.folder.files(under: "Outbox/sent").isEmpty)
    }
}
