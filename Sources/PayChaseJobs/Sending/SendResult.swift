/// What a send did: drafted, queued, and what the server said to each message.
public struct SendResult: Sendable {
    /// Drafts written and notes from rendering (as `draft` reports them).
    public var drafts = DraftResult()
    /// Notes on messages not queued or not sent (already queued, sent recently, uncertain).
    public var notes: [SendNote] = []
    public var queued = 0
    public var accepted = 0
    public var deferred = 0
    public var refused = 0
    public var uncertain = 0
    /// Queued messages whose retry time has not come.
    public var waiting = 0
    /// Messages held because the server may already have them.
    public var held = 0
    /// Due messages left queued because the batch was told to stop (the service shutting down).
    public var stoppedEarly = 0
    /// Why the batch stopped early or never started: settings (`configuration`) or a server
    /// that could not be used (`unavailable`). What is queued stays queued.
    public var stop: PayChaseError?
    /// Copies filed in the mailbox's sent folder after sending.
    public var sentCopies = SentCopies()

    public init() {}

    /// What filing copies in the sent folder came to. A problem there never fails the send: the
    /// copies are filed by the next send or receipts run.
    public struct SentCopies: Sendable, Hashable {
        public var filed = 0
        /// Accepted emails whose sent/ file is gone or changed: not filed.
        public var missing = 0
        public var folder: String?
        /// Why copies could not be filed this time (IMAP unavailable, sign-in needed).
        public var problem: String?
        public init() {}
    }

    public var attempted: Int { accepted + deferred + refused + uncertain }
}
