import Foundation
import Logging
import PayChaseDocuments
import PayChaseDomain
import PayChaseOutbox

/// `paychase record-posting`: a printed letter went in the post. Each one becomes a record entry
/// with the SHA-256 of the PDF that was printed, and from then on counts as sent.
public struct PostingJob: Sendable {
    public var workspace: Workspace
    public var template: String
    public var claimIDs: [String]
    public var postedOn: CalendarDate
    /// "first class", "second class", "recorded delivery", "hand delivered".
    public var method: String
    public var tracking: String?
    /// The PDF actually posted, when it is not the one PayChase printed (a letter changed in
    /// Word and printed from there): its copy is kept in `Outbox/letters/` and its hash recorded.
    public var file: String?

    /// How a letter went when nobody says.
    public static let defaultMethod = "first class"

    /// `method` nil: `defaultMethod`.
    public init(workspace: Workspace, template: String, claimIDs: [String], postedOn: CalendarDate, method: String?, tracking: String?) {
        self.workspace = workspace
        self.template = template
        self.claimIDs = claimIDs
        self.postedOn = postedOn
        self.method = method ?? Self.defaultMethod
        self.tracking = tracking
    }

    /// One letter in the post.
    public struct Posting: Sendable, Hashable {
        public var claimID: String
        public var template: String
        public var postedOn: CalendarDate
        public var method: String
        public var tracking: String?
        /// SHA-256 of the PDF posted.
        public var sha256: String
        /// When this same PDF was recorded before (then it is not recorded again).
        public var alreadyRecordedOn: String?
    }

    public struct Result: Sendable {
        /// Letters recorded now.
        public var recorded: [Posting] = []
        /// Letters already recorded as posted: not recorded twice.
        public var alreadyRecorded: [Posting] = []
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> Result {
        for (input, value) in [(PayChaseError.Input.postingMethod, method), (.postingTracking, tracking ?? "")] where !OneLineInput.fits(value) {
            throw OneLineInput.refusal(input)
        }
        let profile = try workspace.loadProfile()
        let claims = try workspace.loadClaims(profile: profile)
        let template = try TemplateChoice.load(template, from: workspace)
        guard template.isLetter() else {
            throw PayChaseError(.usage, "\(template.name) is an email, not a letter; only letters are posted")
        }
        let byID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
        let missing = claimIDs.filter { byID[$0] == nil }
        guard missing.isEmpty else { throw PayChaseError(.usage, missing.map { "claim '\($0)' is not in \(workspace.claimsPath)" }) }
        var letters: [(claim: Claim, path: String, bytes: [UInt8])] = []
        if let file {
            guard claimIDs.count == 1 else { throw PayChaseError(.usage, "--file is one claim's letter: give one --claim with it") }
            letters.append((byID[claimIDs[0]]!, try keep(file, claimID: claimIDs[0], template: template.name), []))
            letters[0].bytes = Array(FileManager.default.contents(atPath: letters[0].path) ?? Data())
        }
        for id in claimIDs where file == nil {
            guard let found = workspace.outbox.printedLetter(claimID: id, template: template.name) else {
                throw PayChaseError(
                    .usage,
                    "there is no printed \(template.name) for claim \(id)",
                    reason: .letterNotPrinted(template: template.name, claimID: id)
                )
            }
            letters.append((byID[id]!, found.path, found.bytes))
        }
        let outbox: OutboxSession
        do { outbox = try OutboxSession(working: workspace.outbox, logger: logger) } catch { throw error.failure }
        var result = Result()
        for letter in letters {
            var posting = Posting(
                claimID: letter.claim.id,
                template: template.name,
                postedOn: postedOn,
                method: method,
                tracking: tracking,
                sha256: SHA256Hex.digest(letter.bytes)
            )
            if let earlier = outbox.posting(claimID: posting.claimID, template: posting.template, sha256: posting.sha256) {
                posting.alreadyRecordedOn = earlier.postedOn.description
                result.alreadyRecorded.append(posting)
                continue
            }
            let posted = LetterPosted(
                claimID: letter.claim.id,
                template: template.name,
                from: profile.practice.email,
                to: [
                    DocumentContext(claim: letter.claim, profile: profile, today: postedOn).contact(for: template.recipient)?.name
                        ?? template.recipient.rawValue
                ],
                postedOn: postedOn,
                method: method,
                tracking: tracking,
                pdf: String(letter.path.dropFirst(workspace.outbox.root.count + 1)),
                sha256: posting.sha256
            )
            do { try outbox.append(RecordLine(time: RecordTime.format(clock.now()), entry: .letterPosted(posted))) } catch { throw error.failure }
            logger.debug("recorded posting", metadata: ["claim": "\(letter.claim.id)", "sha256": "\(posting.sha256)"])
            result.recorded.append(posting)
        }
        return result
    }

    /// A copy of the posted PDF in `Outbox/letters/`, named for the claim, the letter and its hash,
    /// so the evidence pack holds exactly what went.
    private func keep(_ file: String, claimID: String, template: String) throws(PayChaseError) -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw PayChaseError(.usage, "\(file): the file does not exist or cannot be read")
        }
        let bytes = Array(data)
        guard bytes.starts(with: Array("%PDF-".utf8)) else {
            throw PayChaseError(.usage, "\(file): is not a PDF; save the letter from Word as PDF, then record that file")
        }
        do { return try workspace.outbox.keepCopy(bytes, claimID: claimID, template: template, as: "posted") } catch {
            throw PayChaseError(.temporaryFailure, "\(workspace.outbox.letters): the posted letter's copy could not be written: \(error)")
        }
    }
}
