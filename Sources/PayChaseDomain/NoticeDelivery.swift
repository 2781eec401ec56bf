/// When a notice counts as given, by the route it went: as the agreement deems it (`notices:` on
/// the contract), or, where the profile does not say, as PayChase assumes: an email on the next
/// working day after it is sent and a letter on the second working day after posting, so that a
/// period counted from the notice never starts too early.
public struct NoticeDelivery: Sendable, Hashable, Codable {
    /// Working days after sending on which an email counts as given (0: that day, when a working day).
    public var emailDays: Int
    /// Working days after posting on which a letter counts as given.
    public var postDays: Int
    /// Sent both ways, whether the later (or the earlier) of the two governs.
    public var laterGoverns: Bool
    /// The agreement's provision ("clause 38.2"); nil when these are PayChase's assumptions.
    public var clause: String?

    public init(emailDays: Int, postDays: Int, laterGoverns: Bool = true, clause: String? = nil) {
        self.emailDays = emailDays
        self.postDays = postDays
        self.laterGoverns = laterGoverns
        self.clause = clause
    }

    /// What PayChase takes where the agreement's rule is not in the profile.
    public static let assumed = NoticeDelivery(emailDays: 1, postDays: 2)

    public var isAssumed: Bool { clause == nil }

    /// The day a notice sent by `method` on `sent` counts as given.
    public func givenOn(_ method: Attempt.Method, sent: CalendarDate) -> CalendarDate {
        WorkingDays.after(sent, count: method == .email ? emailDays : postDays)
    }

    /// The day a notice sent by each of `routes` counts as given: the later (or earlier) of them.
    public func givenOn(_ routes: [(method: Attempt.Method, sent: CalendarDate)]) -> CalendarDate? {
        let days = routes.map { givenOn($0.method, sent: $0.sent) }
        return laterGoverns ? days.max() : days.min()
    }

    /// The day the record shows a notice (`template`) given: its newest email and newest posting.
    public func givenOn(_ template: String, attempts: [Attempt]) -> CalendarDate? {
        let sent = attempts.filter { $0.template == template }
        let routes = [Attempt.Method.email, .post].compactMap { method in
            sent.filter { $0.method == method }.map(\.date).max().map { (method: method, sent: $0) }
        }
        return givenOn(routes)
    }

    /// How a document says it: "an email as given on the next working day after it is sent and a
    /// letter on the second working day after posting, the later governing".
    public var description: String {
        func days(_ count: Int, _ event: String) -> String {
            switch count {
            case 0: "on the day it is \(event) (or, if that is not a working day, the next working day)"
            case 1: "on the next working day after it is \(event)"
            default: "on the \(Self.ordinal(count)) working day after it is \(event)"
            }
        }
        return
            "an email as given \(days(emailDays, "sent")) and a letter \(days(postDays, "posted")), the \(laterGoverns ? "later" : "earlier") governing"
    }

    static func ordinal(_ number: Int) -> String {
        let words = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        return number < words.count ? words[number] : "\(number)th"
    }

    /// Reads `same day`, `next working day` or `2 working days`.
    public static func days(parsing text: String) -> Int? {
        let words = text.trimmingSpaces().lowercased().split(separator: " ").map(String.init)
        switch words {
        case ["same", "day"], ["same", "working", "day"]: return 0
        case ["next", "working", "day"]: return 1
        default:
            guard words.count == 3, words[1] == "working", words[2] == "days" || words[2] == "day", let count = Int(words[0]),
                (0...10).contains(count)
            else { return nil }
            return count
        }
    }
}
