/// Why a job failed: a stable kind that a front end maps to an exit code or an HTTP status, and
/// every problem found, each saying where and what.
public struct PayChaseError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The request is wrong: an unknown template or claim, an email where a letter is needed.
        case usage
        /// The claims, a template or the record are wrong.
        case invalidData
        /// A mail server or a printer could not be used.
        case unavailable
        /// Worth trying again later: the Outbox is busy or could not be written.
        case temporaryFailure
        /// The profile or the environment is wrong.
        case configuration
    }

    /// What a problem is, typed, for those a front end answers in its own terms: naming the
    /// command, option or form field that puts it right. The problem's message still says it plainly.
    public enum Reason: Sendable, Hashable {
        /// The record does not verify: nothing may add to it or act on it until it is checked
        /// (`LogJob.verify`) and repaired (`LogJob.repair`).
        case damagedRecord
        /// No message in the queue has this id (`QueueJob.list` shows those that do).
        case notQueued(id: String)
        /// No printed or drafted PDF of the letter exists to record as posted: it is printed
        /// first (`PrintJob`), then posted, then recorded.
        case letterNotPrinted(template: String, claimID: String)
        /// A job's input that goes into the record must be one line of at most 200 characters.
        case notOneLine(Input)
        /// Another job (a `paychase` command, or the service) holds the Outbox lock; try again
        /// once it has finished.
        case outboxBusy
        /// The mailbox's OAuth 2.0 sign-in has ended or was never made: someone must connect
        /// it (`MailboxJob`) before anything is sent or read. The queue is kept.
        case mailboxSignInNeeded
    }

    /// A job's input, which a front end names its own way (an option, a form field).
    public enum Input: Sendable, Hashable, CustomStringConvertible {
        case paymentReference, postingMethod, postingTracking, partnerName, pauseReason

        /// The most characters such an input may have.
        public static let maxLength = 200

        /// `the tracking reference`.
        public var description: String {
            switch self {
            case .paymentReference: "the payment reference"
            case .postingMethod: "the posting method"
            case .postingTracking: "the tracking reference"
            case .partnerName: "a partner's name"
            case .pauseReason: "the reason for the pause"
            }
        }
    }

    public var kind: Kind
    public var problems: [Problem]

    public init(_ kind: Kind, _ problems: [Problem]) {
        self.kind = kind
        self.problems = problems
    }

    public init(_ kind: Kind, _ message: String, reason: Reason? = nil) {
        var problem = Problem(message)
        problem.reason = reason
        self.init(kind, [problem])
    }

    /// The first problem's typed reason, when one has one.
    public var reason: Reason? { problems.lazy.compactMap(\.reason).first }

    public init(_ kind: Kind, _ messages: [String]) {
        self.init(kind, messages.map { Problem($0) })
    }

    /// One line per problem.
    public var lines: [String] { problems.map(\.description) }

    public var description: String { lines.joined(separator: "\n") }
}
