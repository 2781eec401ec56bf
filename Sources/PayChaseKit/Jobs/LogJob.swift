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
    }

    /// The intact record's size; a record that does not verify is invalid data naming the
    /// first line edited, removed or reordered.
    public func verify() throws(PayChaseError) -> Verified {
        let result = OutboxSession.verify(workspace.outbox)
        if let problem = result.problem { throw PayChaseError(.invalidData, problem) }
        return Verified(entries: result.entries, tornByCrash: result.tornByCrash)
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
