import PayChaseDomain

/// One dated step ahead for a claim, as a calendar shows it: an all-day event, with a reminder
/// before it for a time limit.
public struct DeadlineEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The day the next step may be taken (the earliest day for a late-payment notice, say).
        case nextStep = "next-step"
        /// The day a reply to the newest document is due.
        case replyDue = "reply-due"
        /// The last day to make a formal complaint.
        case complaintLimit = "complaint-limit"
        /// The last day to start dispute resolution.
        case disputeLimit = "dispute-limit"
        /// The last day of a pause.
        case pauseEnds = "pause-ends"
    }

    public var claimID: String
    public var kind: Kind
    public var day: CalendarDate
    public var summary: String
    public var detail: String
    /// Days before `day` to remind; nil for none.
    public var reminderDaysBefore: Int?

    /// Stable for the claim and kind, whatever the day: importing the calendar again moves the
    /// event rather than adding another.
    public func uid(practice odsCode: String) -> String { "\(claimID)-\(kind.rawValue)@\(odsCode.lowercased()).paychase" }

    /// A time limit is reminded of a fortnight before.
    public static let limitReminderDays = 14

    /// Every dated step ahead of `asOf` (that day included) for the claims in `report`, in day order.
    public static func ahead(_ report: StatusReport, attempts: [String: [Attempt]], replyDays: Int) -> [DeadlineEvent] {
        var events: [DeadlineEvent] = []
        for row in report.rows where row.outstanding > .zero {
            let name = "\(row.claimID) (\(row.service))"
            let step = row.nextStep
            if step.action == .wait, let day = step.date {
                let what = step.templates.map(DocumentName.describe).joined(separator: " or ")
                events.append(
                    DeadlineEvent(
                        claimID: row.claimID,
                        kind: .nextStep,
                        day: day,
                        summary: "\(name): \(what) from today",
                        detail: "The earliest day for the \(what) for \(name), \(row.outstanding.formatted) outstanding."
                            + (step.serious ? " A serious step: the partners decide it first." : "")
                    )
                )
            }
            if step.action == .paused, let day = step.date {
                events.append(
                    DeadlineEvent(
                        claimID: row.claimID,
                        kind: .pauseEnds,
                        day: day,
                        summary: "\(name): pause ends",
                        detail: "Chasing \(name) is paused until this day: \(step.reason ?? "no reason recorded"). It resumes the day after."
                    )
                )
            }
            if let last = attempts[row.claimID]?.max(by: { $0.date < $1.date }), step.action != .paused {
                events.append(
                    DeadlineEvent(
                        claimID: row.claimID,
                        kind: .replyDue,
                        day: last.date.adding(days: replyDays),
                        summary: "\(name): reply due",
                        detail: "The \(DocumentName.describe(last.template)) of \(last.date.formatted) asked for a reply within \(replyDays) days."
                    )
                )
            }
            for limit in row.limits {
                let kind: Kind = limit.name == "formal complaint" ? .complaintLimit : .disputeLimit
                events.append(
                    DeadlineEvent(
                        claimID: row.claimID,
                        kind: kind,
                        day: limit.deadline,
                        summary: "\(name): last day for \(limit.name)",
                        detail: "The time limit for \(limit.name) about \(name) ends on this day.",
                        reminderDaysBefore: limitReminderDays
                    )
                )
            }
        }
        return events.filter { $0.day >= report.asOf }.sorted { ($0.day, $0.claimID, $0.kind.rawValue) < ($1.day, $1.claimID, $1.kind.rawValue) }
    }
}
