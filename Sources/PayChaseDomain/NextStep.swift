/// What to do next about a claim, given what the record shows was sent.
public struct NextStep: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Codable {
        /// Nothing is owed.
        case none
        /// Too early: wait until `date`, then send `templates`.
        case wait
        /// Send `templates` now.
        case send
        /// The matter is with someone else, or needs a person's judgement; follow it up by hand.
        case followUp = "follow-up"
        /// The email of `templates` bounced: fix the address, then send it again.
        case fixAddress = "fix-address"
        /// Someone replied: read it, then decide.
        case readReply = "read-reply"
        /// The practice paused chasing it (until `date`, when there is one): nothing is sent.
        case paused
    }

    public var action: Action
    public var templates: [String]
    public var date: CalendarDate?
    /// A step with consequences for the contract (a late-payment notice): labelled as such.
    public var serious: Bool
    /// A caution the practice should read before acting.
    public var warning: String?
    /// Why the claim is paused, as the practice recorded it.
    public var reason: String?

    public init(action: Action, templates: [String] = [], date: CalendarDate? = nil, serious: Bool = false, warning: String? = nil) {
        self.action = action
        self.templates = templates
        self.date = date
        self.serious = serious
        self.warning = warning
    }

    /// One line for a table: `chase`, `wait until 14 October 2013, then appeal`.
    public var summary: String {
        let names = templates.joined(separator: " or ")
        let text: String
        switch action {
        case .none: text = "none (paid in full)"
        case .send: text = names
        case .wait: text = names.isEmpty ? "wait" : "wait until \(date!.formatted), then \(names)"
        case .followUp: text = names.isEmpty ? "follow up by hand" : "follow up: \(names)"
        case .fixAddress: text = "fix the address and resend \(names)"
        case .readReply: text = "read the reply and follow up"
        case .paused: text = ClaimPaused.words(until: date, reason: reason)
        }
        return serious ? "\(text) [serious step]" : text
    }
}
