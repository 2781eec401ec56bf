/// Live progress for a batch: how far through, the counts so far, and the message just tried.
public struct SendProgress: Sendable {
    public var done: Int
    public var total: Int
    public var accepted: Int
    public var deferred: Int
    public var refused: Int
    public var uncertain: Int
    public var claimID: String
    public var template: String
    public var to: [String]
    /// accepted, deferred, refused or uncertain.
    public var outcome: String
    /// The server's reply, every line.
    public var reply: String
}
