/// What became of one message handed to the server.
public struct SMTPResult: Sendable, Hashable {
    public enum Outcome: String, Sendable {
        /// The server replied 250 to the end of the message: it has it.
        case accepted
        /// A 4xx reply, or the connection failed before the end of the message: try again later.
        case deferred
        /// A 5xx reply: the server will not take this message.
        case refused
        /// The whole message was handed over but no reply came: the server may or may not have it.
        case uncertain
    }

    public var outcome: Outcome
    /// The server's final reply, every line (`250 2.0.0 Ok: queued as 899B3F7E180`), or what went wrong.
    public var reply: String
    /// Whether an RFC 3461 delivery status notification was asked for.
    public var dsnRequested: Bool
    /// Whether the server answered at all during this attempt.
    public var serverAnswered: Bool
    /// Set when the server refused the message because of who is signed in (Exchange's
    /// SendAsDenied): the message stays queued and the batch stops with this explanation.
    public var signInProblem: String? = nil

    public init(outcome: Outcome, reply: String, dsnRequested: Bool, serverAnswered: Bool) {
        self.outcome = outcome
        self.reply = reply
        self.dsnRequested = dsnRequested
        self.serverAnswered = serverAnswered
    }
}
