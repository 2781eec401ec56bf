/// A claim a batch left out because the template is not for it: a note when the claims were
/// chosen as overdue, a problem when the claim was named.
public enum DraftNote: Sendable, Hashable, CustomStringConvertible {
    /// `onlyFor` describes the routes and paymasters the template is for.
    case skipped(claimID: String, template: String, onlyFor: String)
    /// `draft next`: the claim's next step is not a document to send today.
    case nothingToSend(claimID: String, nextStep: String)
    /// A serious step drafted with `--force` before the steps the ladder puts first.
    case forced(claimID: String, template: String, missing: [String])
    /// `--overdue`: the practice paused chasing the claim (`pause` says until when and why).
    case paused(claimID: String, pause: String)

    public var claimID: String {
        switch self {
        case .skipped(let claimID, _, _), .nothingToSend(let claimID, _), .forced(let claimID, _, _), .paused(let claimID, _): claimID
        }
    }

    public var description: String {
        switch self {
        case .skipped(let claimID, let template, let onlyFor): "\(claimID): skipped, \(template) is only for \(onlyFor)"
        case .nothingToSend(let claimID, let nextStep): "\(claimID): nothing to draft today; next step: \(nextStep)"
        case .forced(let claimID, let template, let missing):
            "\(claimID): \(template) drafted with --force, although the record shows no \(missing.joined(separator: ", "))"
        case .paused(let claimID, let pause): "\(claimID): skipped, \(pause)"
        }
    }
}
