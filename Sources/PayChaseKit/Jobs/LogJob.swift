import PayChaseOutbox

/// `paychase log`: the record of every attempt and posting, or the check that it is intact.
public struct LogJob: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    /// The entries, oldest first; only `claim`'s when given.
    public func entries(claim: String?) -> [DeliveryRecord] {
        OutboxSession(reading: workspace.outbox).records.filter { claim == nil || $0.claimID == claim }
    }

    /// How many entries the intact record holds; a record that does not verify is invalid data
    /// naming the first line edited, removed or reordered.
    public func verify() throws(PayChaseError) -> Int {
        let result = OutboxSession.verify(workspace.outbox)
        if let problem = result.problem { throw PayChaseError(.invalidData, problem) }
        return result.entries
    }
}
