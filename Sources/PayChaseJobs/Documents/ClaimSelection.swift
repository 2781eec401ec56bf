/// Which claims a command works on.
public enum ClaimSelection: Sendable, Hashable {
    case ids([String])
    /// Every claim with money outstanding past its due date.
    case overdue
}
