/// One attempt to hand an email to the SMTP server, or the practice's confirmation that an
/// uncertain one arrived.
public struct EmailAttempt: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case accepted, deferred, refused
        /// The whole message went but no reply came back: the server may have it.
        case uncertain
        /// The practice confirmed an uncertain message arrived.
        case confirmed

        /// The server accepted the message, or the practice confirmed it arrived.
        public var reachedServer: Bool { self == .accepted || self == .confirmed }

        public var kind: RecordEntry.Kind { RecordEntry.Kind(rawValue: rawValue)! }
    }

    public var message: SentEmail
    /// `host:port` of the SMTP server (`-` for a confirmation).
    public var server: String
    /// The server's full final reply, e.g. `250 2.0.0 Ok: queued as 899B3F7E180`.
    public var reply: String
    public var outcome: Outcome
    /// SHA-256 of the exact bytes handed over.
    public var sha256: String
    public var dsnRequested: Bool
    /// 1 for the first attempt.
    public var attempt: Int

    public init(message: SentEmail, server: String, reply: String, outcome: Outcome, sha256: String, dsnRequested: Bool, attempt: Int) {
        self.message = message
        self.server = server
        self.reply = reply
        self.outcome = outcome
        self.sha256 = sha256
        self.dsnRequested = dsnRequested
        self.attempt = attempt
    }
}
