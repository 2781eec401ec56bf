/// A claim a batch left out because the template is not for it: a note when the claims were
/// chosen as overdue, a problem when the claim was named.
public enum DraftNote: Sendable, Hashable, CustomStringConvertible {
    /// `onlyFor` describes the routes and paymasters the template is for.
    case skipped(claimID: String, template: String, onlyFor: String)

    public var claimID: String {
        switch self {
        case .skipped(let claimID, _, _): claimID
        }
    }

    public var description: String {
        switch self {
        case .skipped(let claimID, let template, let onlyFor): "\(claimID): skipped, \(template) is only for \(onlyFor)"
        }
    }
}
