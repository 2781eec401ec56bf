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
        /// The last day to claim a service's period (`services.csv`'s claim_by).
        case claimDue = "claim-due"
        /// The last day to submit a claim's evidence.
        case evidenceDue = "evidence-due"
    }

    /// The claim it is about; for a period not yet claimed, the service and period's start
    /// (`minor-surgery-des-2026-10-01`), which keeps its UID.
    public var claimID: String
    /// What the calendar page names it by: the claim, or the period and service.
    public var about: String
    public var kind: Kind
    public var day: CalendarDate
    public var summary: String
    public var detail: String
    /// Days before `day` to remind; nil for none.
    public var reminderDaysBefore: Int?

    public init(
        claimID: String,
        kind: Kind,
        day: CalendarDate,
        summary: String,
        detail: String,
        reminderDaysBefore: Int? = nil,
        about: String? = nil
    ) {
        self.claimID = claimID
        self.kind = kind
        self.day = day
        self.summary = summary
        self.detail = detail
        self.reminderDaysBefore = reminderDaysBefore
        self.about = about ?? claimID
    }

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
                        reminderDaysBefore: Self.limitReminderDays
                    )
                )
            }
        }
        events += (report.deadlines?.due ?? []).map(Self.init(deadline:))
        return events.filter { $0.day >= report.asOf }.sorted { ($0.day, $0.claimID, $0.kind.rawValue) < ($1.day, $1.claimID, $1.kind.rawValue) }
    }

    /// A period's claim or evidence deadline, reminded of a fortnight before.
    init(deadline: PeriodDeadline) {
        let name = "\(deadline.period) \(deadline.service)"
        let slug = deadline.service.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { text, character in
            if character != "-" || (text.last != "-" && !text.isEmpty) { text.append(character) }
        }
        let through = deadline.claimTo.map { " through \($0)" } ?? ""
        switch deadline.kind {
        case .claim:
            self.init(
                claimID: "\(slug)-\(deadline.period.start)",
                kind: .claimDue,
                day: deadline.deadline,
                summary: "\(name): last day to claim",
                detail: "The claim for \(name) is due by this day\(through)."
                    + (deadline.usualIncome.map { " It usually brings \($0.formatted)." } ?? ""),
                reminderDaysBefore: Self.limitReminderDays,
                about: name
            )
        case .evidence:
            let claim = deadline.claimID ?? ""
            self.init(
                claimID: claim,
                kind: .evidenceDue,
                day: deadline.deadline,
                summary: "\(claim) (\(deadline.service)): last day for the evidence",
                detail: "The evidence for claim \(claim), \(name), is due by this day\(through); none is recorded as submitted.",
                reminderDaysBefore: Self.limitReminderDays
            )
        }
    }
}
