/// A printed letter the practice recorded as posted.
public struct LetterPosted: Sendable, Hashable {
    public var claimID: String
    public var template: String
    /// The practice's address, as the letter's sender.
    public var from: String
    /// The body it was addressed to.
    public var to: [String]
    public var postedOn: CalendarDate
    /// `first class`, `recorded delivery`: as the practice said.
    public var method: String
    public var tracking: String?
    /// The PDF, relative to the Outbox.
    public var pdf: String
    /// SHA-256 of the PDF.
    public var sha256: String
    /// What the record says, in the words written when it was recorded.
    public var summary: String

    public init(
        claimID: String,
        template: String,
        from: String,
        to: [String],
        postedOn: CalendarDate,
        method: String,
        tracking: String?,
        pdf: String,
        sha256: String,
        summary: String? = nil
    ) {
        self.claimID = claimID
        self.template = template
        self.from = from
        self.to = to
        self.postedOn = postedOn
        self.method = method
        self.tracking = tracking
        self.pdf = pdf
        self.sha256 = sha256
        // `posted first class, tracking AB123456789GB`.
        self.summary = summary ?? "posted \(method)" + (tracking.map { ", tracking \($0)" } ?? "")
    }
}
