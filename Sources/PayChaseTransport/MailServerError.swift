/// A failure that stops a run with a mail server: it cannot be used as configured, could not be
/// reached (or not securely), or refused a command.
public struct MailServerError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Wrong settings or credentials, or a server that would not log us in.
        case configuration
        /// The server could not be reached, or not securely.
        case unavailable
        /// The server answered a command with a refusal (IMAP NO or BAD).
        case refused
        /// The mailbox connection (OAuth 2.0) has ended or was never made: a person must sign in
        /// again. Nothing is sent or read until then; the queue is kept.
        case signInNeeded
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
