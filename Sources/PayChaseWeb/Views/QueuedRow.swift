import PayChaseDomain
import PayChaseJobs

/// A message in the queue as the queue page and the claim page show it, with the form that
/// confirms a held one arrived.
struct QueuedRow {
    var id: String
    var claimID: String
    var claimHref: String
    var template: String
    var state: String
    var attempts: Int
    /// London time, or `held` for a message waiting for the practice.
    var nextTry: String
    var lastReply: String
    var uncertain: Bool
    var confirmAction: String
    var csrf: String

    /// `base` is the practice's page path.
    init(_ message: QueuedMessage, base: String, csrf: String) {
        id = message.id
        claimID = message.claimID
        claimHref = "\(base)/claims/\(message.claimID)"
        template = message.template
        state = message.state.rawValue
        attempts = message.attempts
        nextTry = message.state == .queued ? LondonTime.clock(message.nextAttempt) : "held"
        lastReply = message.lastReply ?? ""
        uncertain = message.state == .uncertain
        confirmAction = "\(base)/queue/\(message.id)/delivered"
        self.csrf = csrf
    }
}
