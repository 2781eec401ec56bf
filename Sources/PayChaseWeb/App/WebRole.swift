/// What a signed-in person may do: a viewer sees every page; a manager also acts (sends,
/// posts, records payments, pauses, imports, reads the mailbox); an admin also connects the
/// practice mailbox and sees who is signed up and locked out.
public enum WebRole: String, Sendable, Codable, CaseIterable, Comparable {
    case viewer, manager, admin

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .manager: 1
        case .admin: 2
        }
    }

    /// What the role lets its holder do, for messages.
    public var allows: String {
        switch self {
        case .viewer: "see every page"
        case .manager: "see every page and act on claims (send, post, record payments, pause, import)"
        case .admin: "act on claims, connect the practice mailbox and see the users"
        }
    }
}
