import Foundation
import Logging
import PayChaseDomain
import PayChaseOutbox
import PayChasePrint
import ZIPFoundation

/// `paychase evidence`: everything the record holds about one claim, in one folder anyone can
/// check: `evidence.pdf` (the facts, every event in order, each email as sent, how to check),
/// every email, letter and receipt exactly as recorded, the claim's record entries, and
/// `SHA256SUMS` for `sha256sum -c`. `--zip` makes one file of it.
public struct EvidenceJob: Sendable {
    public var workspace: Workspace
    public var claimID: String
    public var zip: Bool
    /// How the pack's reader checks the record, in the words of the tool they would use.
    public var checks: Checks

    /// The commands the pack's "How to check" names, given by the front end that makes it.
    public struct Checks: Sendable, Hashable {
        /// Checks the whole record's chain and head: `paychase log --verify`.
        public var wholeRecord: String
        /// Checks the record against the head an email carries, for a file `that.eml`.
        public var againstEmail: String

        public init(wholeRecord: String, againstEmail: String) {
            self.wholeRecord = wholeRecord
            self.againstEmail = againstEmail
        }
    }

    public init(workspace: Workspace, claimID: String, zip: Bool, checks: Checks) {
        self.workspace = workspace
        self.claimID = claimID
        self.zip = zip
        self.checks = checks
    }

    public struct Result: Sendable {
        /// The pack's folder, and its files relative to it.
        public var folder: String
        public var files: [String]
        public var events: Int
        public var zipFile: String?
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> Result {
        let profile = try workspace.loadProfile()
        let (outbox, _, claim) = try workspace.readClaim(claimID, profile: profile)
        let claimEntries = outbox.entries(claimID: claimID)
        let entries = claimEntries.map(\.record)
        let contents = EvidenceContents(outbox: workspace.outbox, claim: claim, entries: entries, lines: claimEntries.map(\.line))
        var files = try contents.copies()
        files.append(EvidenceFile(path: "record.jsonl", bytes: Array(contents.recordLines().utf8)))
        let pdf: [UInt8]
        do {
            pdf = try ReportPDF.render(
                title: "Evidence: claim \(claimID)",
                author: profile.practice.name,
                lead: contents.lead(practice: profile.practice, at: clock.now()),
                sections: contents.sections(files: files, checks: checks)
            )
        } catch {
            throw PayChaseError(.temporaryFailure, "the evidence PDF could not be laid out: \(error)")
        }
        files.insert(EvidenceFile(path: "evidence.pdf", bytes: pdf), at: 0)
        files.append(EvidenceFile(path: "SHA256SUMS", bytes: Array(files.map { "\(SHA256Hex.digest($0.bytes))  \($0.path)\n" }.joined().utf8)))

        let folder = "\(workspace.outbox.root)/evidence/\(claimID)"
        do {
            try EvidenceFolder.replace(folder, with: files)
        } catch {
            throw error.failure
        }
        logger.debug("wrote evidence pack", metadata: ["claim": "\(claimID)", "files": "\(files.count)"])
        var result = Result(folder: folder, files: files.map(\.path), events: entries.count)
        if zip {
            let zipFile = "\(workspace.outbox.root)/evidence/\(claimID).zip"
            do {
                try? FileManager.default.removeItem(atPath: zipFile)
                try FileManager.default.zipItem(at: URL(fileURLWithPath: folder), to: URL(fileURLWithPath: zipFile), shouldKeepParent: true)
            } catch {
                throw PayChaseError(.temporaryFailure, "\(zipFile): could not be written: \(error)")
            }
            result.zipFile = zipFile
        }
        return result
    }
}
