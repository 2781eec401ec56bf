/// A failure that stops reading: the server cannot be used as configured, or refused a command.
public struct IMAPError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Wrong settings or credentials.
        case configuration
        /// The server could not be reached, or not securely.
        case unavailable
        /// The server answered a command with NO or BAD.
        case refused
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
