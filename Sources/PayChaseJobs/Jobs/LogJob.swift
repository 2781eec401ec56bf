import Foundation
import Logging
import PayChaseDomain
import PayChaseMail
import PayChaseOutbox

/// `paychase log`: the record of every attempt and posting, the check that it is intact, and
/// the explicit repair of one that is not.
public struct LogJob: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// The entries as they stand, oldest first; only `claim`'s when given.
    public func entries(claim: String?, logger: Logger) -> [RecordLine] {
        let entries = OutboxSession(inspecting: workspace.outbox).records.filter { claim == nil || $0.claimID == claim }
        logger.debug("read the record", metadata: ["entries": "\(entries.count)", "claim": "\(claim ?? "all")"])
        return entries
    }

    /// `paychase log --json`: the entries as the record writes them, one JSON document.
    public static func json(_ entries: [RecordLine]) -> String {
        let data = (try? JSONStyle.document.encoder().encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public struct Verified: Sendable {
        /// Entries in the intact record.
        public var entries: Int
        /// A last line cut off by a crash, to be dropped at the next append.
        public var tornByCrash: Bool
        /// Entries a power cut took that the in-flight window accounts for, until the next
        /// command that opens the Outbox sets the head back.
        public var powerCut: PowerCut?
    }

    /// The intact record's size; a record that does not verify is invalid data naming the
    /// first line edited, removed or reordered.
    public func verify(logger: Logger) throws(PayChaseError) -> Verified {
        try Self.verified(OutboxSession(inspecting: workspace.outbox), logger: logger)
    }

    /// Every entry and whether the record verifies, from one read of it (the service's Record page).
    public func inspect(logger: Logger) -> (entries: [RecordLine], verified: Result<Verified, PayChaseError>) {
        let outbox = OutboxSession(inspecting: workspace.outbox)
        return (outbox.records, Result { () throws(PayChaseError) in try Self.verified(outbox, logger: logger) })
    }

    private static func verified(_ outbox: OutboxSession, logger: Logger) throws(PayChaseError) -> Verified {
        let result = outbox.verification
        if let problem = result.problem { throw PayChaseError(.invalidData, problem) }
        logger.debug("verified the record", metadata: ["entries": "\(result.entries)"])
        return Verified(entries: result.entries, tornByCrash: result.tornByCrash, powerCut: result.powerCut)
    }

    /// One email checked against the record.
    public struct Witness: Sendable {
        public var file: String
        /// The head it carries; nil when it carries none.
        public var head: RecordHead?
        /// Why it does not agree with the record; nil when it does.
        public var problem: String?
    }

    /// Checks the record, then each email against it: every `X-PayChase-Record` head a
    /// recipient holds must still be in the record. Invalid data when any disagrees.
    public func verify(against files: [String], logger: Logger) throws(PayChaseError) -> (verified: Verified, witnesses: [Witness]) {
        let outbox = OutboxSession(inspecting: workspace.outbox)
        let verified = try Self.verified(outbox, logger: logger)
        var witnesses: [Witness] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw PayChaseError(.usage, "\(file): cannot be read")
            }
            guard let value = MIMEHeader(parsing: Array(data))[RecordHead.headerName] else {
                witnesses.append(Witness(file: file, head: nil, problem: nil))
                continue
            }
            guard let head = RecordHead(parsing: value) else {
                throw PayChaseError(.invalidData, "\(file): \(RecordHead.headerName): '\(value)' is not entries=N sha256=HASH")
            }
            witnesses.append(Witness(file: file, head: head, problem: outbox.check(against: head)))
        }
        let disagreeing = witnesses.filter { $0.problem != nil }
        if !disagreeing.isEmpty {
            throw PayChaseError(.invalidData, disagreeing.map { Problem(file: $0.file, field: RecordHead.headerName, $0.problem!) })
        }
        return (verified, witnesses)
    }

    /// Starts a new record from the entries that verify, keeping the damaged one beside it;
    /// refused (usage) when the record verifies.
    public func repair(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> RecordRepair {
        let repair: RecordRepair?
        do { repair = try OutboxSession.repair(workspace.outbox, at: clock.now()) } catch { throw error.failure }
        guard let repair else { throw PayChaseError(.usage, "the record verifies; there is nothing to repair") }
        logger.info("repaired the record", metadata: ["kept": "\(repair.kept)", "damaged": "\(repair.damagedCopy)"])
        return repair
    }
}
