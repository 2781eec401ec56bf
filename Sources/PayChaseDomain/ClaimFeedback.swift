/// What came back about a claim's emails, and what was paid, as the record shows it.
public struct ClaimFeedback: Sendable, Hashable, Codable {
    /// A delivery status said the newest email was delivered (or relayed on).
    public var delivered: CalendarDate?
    /// A read receipt said an email was displayed.
    public var read: CalendarDate?
    /// A delivery status said the newest email failed, and nothing was sent since.
    public var bounced: Bounce?
    /// A person answered an email.
    public var replied: CalendarDate?
    /// An automatic reply (out of office) came: neither read nor replied.
    public var automaticReply: CalendarDate?
    /// Payments recorded with `paychase payment`, in the order recorded.
    public var payments: [RecordedPayment] = []
    /// The serious steps the partners' signed decision agreed to (`late-payment-notice`), each
    /// with the day of the newest decision; not something that came back, but what the practice
    /// decided, recorded beside it.
    public var agreed: [String: CalendarDate] = [:]
    /// Chasing is paused, as the practice recorded; nil when it is not (or was resumed).
    public var paused: Pause?
    /// The evidence-submission email that proves the claim's evidence went, with what came
    /// back about it; nil when none reached the server.
    public var evidence: EvidenceProof?

    /// A pause the practice recorded: why, from when, until when.
    public struct Pause: Sendable, Hashable, Codable {
        public var reason: String
        public var since: CalendarDate
        /// The last day of the pause; nil until resumed.
        public var until: CalendarDate?

        public init(reason: String, since: CalendarDate, until: CalendarDate?) {
            self.reason = reason
            self.since = since
            self.until = until
        }

        /// Still paused on `day`: on or before its last day.
        public func holds(on day: CalendarDate) -> Bool { until.map { day <= $0 } ?? true }

        /// `paused until 25 December 2026: promise to pay`.
        public var description: String { ClaimPaused.words(until: until, reason: reason) }
    }

    /// Payments recorded with `paychase payment`, in total.
    public var paymentsRecorded: Money { payments.reduce(.zero) { $0 + $1.amount } }

    public struct Bounce: Sendable, Hashable, Codable {
        public var date: CalendarDate
        /// The document whose email failed, to send again once the address is fixed.
        public var template: String
        /// `5.1.1`, and the server's diagnostic.
        public var status: String?

        public init(date: CalendarDate, template: String, status: String?) {
            self.date = date
            self.template = template
            self.status = status
        }
    }

    public init() {}

    /// `bounced 23 November 2026 (5.1.1)`, `read 24 November 2026`, or nothing.
    public var summary: String {
        var parts: [String] = []
        if let bounced { parts.append("bounced \(bounced.date.formatted)" + (bounced.status.map { " (\($0))" } ?? "")) }
        if let replied { parts.append("replied \(replied.formatted)") }
        if let read { parts.append("read \(read.formatted)") }
        if let delivered, read == nil, bounced == nil { parts.append("delivered \(delivered.formatted)") }
        if let automaticReply, replied == nil { parts.append("auto-reply \(automaticReply.formatted)") }
        return parts.joined(separator: ", ")
    }
}
