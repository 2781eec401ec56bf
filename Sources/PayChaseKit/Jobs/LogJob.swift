import Foundation
import PayChaseOutbox

/// `paychase log`: the record of every attempt and posting, the check that it is intact, and
/// the explicit repair of one that is not.
public struct LogJob: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// The entries as they stand, oldest first; only `claim`'s when given.
    public func entries(claim: String?) -> [DeliveryRecord] {
        OutboxSession.entries(workspace.outbox).filter { claim == nil || $0.claimID == claim }
    }

    public struct Verified: Sendable {
        /// Entries in the intact record.
        public var entries: Int
        /// A last line cut off by a crash, to be dropped at the next append.
        public var tornByCrash: Bool
        /// Entries a power cut took that the in-flight window accounts for, until the next
        /// command that opens the Outbox sets the head back.
        public var powerCut: DeliveryLog.PowerCut?
    }

    /// The intact record's size; a record that does not verify is invalid data naming the
    /// first line edited, removed or reordered.
    public func verify() throws(PayChaseError) -> Verified {
        let result = OutboxSession.verify(workspace.outbox)
        if let problem = result.problem { throw PayChaseError(.invalidData, problem) }
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
    public func verify(against files: [String]) throws(PayChaseError) -> (verified: Verified, witnesses: [Witness]) {
        let verified = try verify()
        let log = DeliveryLog(outbox: workspace.outbox)
        let contents = log.read()
        var witnesses: [Witness] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw PayChaseError(.usage, "\(file): cannot be read")
            }
            guard let value = Self.header(RecordHead.headerName, in: data) else {
                witnesses.append(Witness(file: file, head: nil, problem: nil))
                continue
            }
            guard let head = RecordHead(parsing: value) else {
                throw PayChaseError(.invalidData, "\(file): \(RecordHead.headerName): '\(value)' is not entries=N sha256=HASH")
            }
            witnesses.append(Witness(file: file, head: head, problem: log.check(contents, against: head)))
        }
        let disagreeing = witnesses.filter { $0.problem != nil }
        if !disagreeing.isEmpty {
            throw PayChaseError(.invalidData, disagreeing.map { Problem(file: $0.file, field: RecordHead.headerName, $0.problem!) })
        }
        return (verified, witnesses)
    }

    /// A header's value from an email's header section, unfolded.
    static func header(_ name: String, in data: Data) -> String? {
        let text = String(decoding: data.prefix(256 * 1024), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let headers = text.components(separatedBy: "\n\n").first ?? ""
        let unfolded = headers.replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "\n\t", with: " ")
        let prefix = name.lowercased() + ":"
        return unfolded.split(separator: "\n").first { $0.lowercased().hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
    }

    /// Starts a new record from the entries that verify, keeping the damaged one beside it;
    /// refused (usage) when the record verifies.
    public func repair(clock: WallClock = .system) throws(PayChaseError) -> OutboxSession.RecordRepair {
        let repair: OutboxSession.RecordRepair?
        do { repair = try OutboxSession.repair(workspace.outbox, at: clock.now()) } catch { throw error.failure }
        guard let repair else { throw PayChaseError(.usage, "the record verifies; there is nothing to repair") }
        return repair
    }
}
