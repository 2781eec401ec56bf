/// The practice stopped chasing a claim for a reason, until a day or until it resumes.
public struct ClaimPaused: Sendable, Hashable {
    public var claimID: String
    public var reason: String
    /// The last day of the pause; nil until the practice resumes it.
    public var until: CalendarDate?
    /// The practice's address, as the one recording it.
    public var from: String
    /// What the record says, in the words written when it was recorded.
    public var summary: String

    /// Reasons practices give, offered by the front ends; any other text is allowed.
    public static let suggestedReasons = [
        "promise to pay by a date", "query being answered", "dispute with the LMC", "waiting for CQRS approval",
    ]

    public init(claimID: String, reason: String, until: CalendarDate?, from: String, summary: String? = nil) {
        self.claimID = claimID
        self.reason = reason
        self.until = until
        self.from = from
        self.summary = summary ?? Self.words(until: until, reason: reason)
    }

    /// `paused until 25 December 2026: promise to pay by 25 December`, or `paused: …` with no end.
    public static func words(until: CalendarDate?, reason: String?) -> String {
        "paused" + (until.map { " until \($0.formatted)" } ?? "") + (reason.map { ": \($0)" } ?? "")
    }
}

/// The practice started chasing a paused claim again before its pause ended.
public struct ClaimResumed: Sendable, Hashable {
    public var claimID: String
    public var from: String
    public var summary: String

    public init(claimID: String, from: String, summary: String? = nil) {
        self.claimID = claimID
        self.from = from
        self.summary = summary ?? "resumed by the practice"
    }
}
