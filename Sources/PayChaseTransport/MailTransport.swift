/// Hands messages to a mail server, one after another over one connection: the seam the
/// Dispatcher sends through. The libcurl SMTP connection is one; a test's in-memory server is
/// another. It signs in with a `MailCredential` and knows nothing more of it.
public protocol MailTransport: AnyObject {
    /// `host:port`, for the record and messages.
    var server: String { get }

    /// Sends one message. `whileWaiting` may be called, on this thread, any number of times
    /// while the transport waits for the server, before `beforeCommit` or after it, or never:
    /// work of the caller's that need not hold the message up, done once, with the calls after
    /// it returning at once. `beforeCommit` runs just before the server would take the message
    /// (the final dot); returning false abandons it before the server has it. Throws when no
    /// message can go over this transport as configured (sign-in, TLS, the server out of reach).
    func send(
        _ message: [UInt8],
        from: String,
        to recipients: [String],
        envelopeID: String,
        whileWaiting: () -> Void,
        beforeCommit: @escaping () -> Bool
    ) throws(MailServerError) -> SMTPResult
}
