/// What drafting, printing or the drafting half of a send made of the chosen claims.
public struct DraftResult: Sendable {
    /// Files written, in order.
    public var written: [String] = []
    /// Claims that were skipped, and why (not an error).
    public var notes: [DraftNote] = []
    /// Claims that failed; nothing was written for them.
    public var problems: [Problem] = []
    /// The template's cautions for the claims drafted, each naming its claims.
    public var warnings: [DraftWarning] = []
    /// Set when the files were written but could not be handed on (to a printer).
    public var handOffFailure: PayChaseError?

    public init() {}
}
