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
