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

/// A template's own caution (its `warning:` front matter, rendered), and the claims it was
/// drafted for.
public struct DraftWarning: Sendable, Hashable, CustomStringConvertible {
    public var template: String
    public var claimIDs: [String]
    public var text: String

    public init(template: String, claimIDs: [String], text: String) {
        self.template = template
        self.claimIDs = claimIDs
        self.text = text
    }

    /// `chase for claims A, B, C and 2 more: check the amount first`.
    public var description: String {
        "\(template) for \(claimIDs.count == 1 ? "claim" : "claims") \(ClaimList.summary(claimIDs)): \(text)"
    }
}
