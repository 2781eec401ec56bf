/// What to do next about a claim, given what has been sent so far.
public struct NextStep: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Codable {
        /// Nothing is owed.
        case none
        /// Too early: wait until `date`, then send `templates`.
        case wait
        /// Send `templates` now.
        case send
        /// The matter is with someone else (dispute resolution, the LMC); follow it up by hand.
        case followUp = "follow-up"
    }

    public var action: Action
    public var templates: [String]
    public var date: CalendarDate?
    /// A caution the practice should read before acting.
    public var warning: String?

    public init(action: Action, templates: [String] = [], date: CalendarDate? = nil, warning: String? = nil) {
        self.action = action
        self.templates = templates
        self.date = date
        self.warning = warning
    }

    /// One line for a table: `chase`, `wait until 14 October 2013, then appeal`.
    public var summary: String {
        let names = templates.joined(separator: " + ")
        switch action {
        case .none: return "none (paid in full)"
        case .send: return names
        case .wait: return names.isEmpty ? "wait" : "wait until \(date!.formatted), then \(names)"
        case .followUp: return names.isEmpty ? "follow up by hand" : "follow up: \(names)"
        }
    }
}

/// The default escalation ladder of DESIGN.md, with its intervals configurable.
public struct EscalationLadder: Sendable, Hashable {
    /// Days after a chase before appealing (NHS England) or chasing again.
    public var daysBeforeSecondStep = 14
    /// Days after the appeal or second chase before the LMC referral and late-payment notice.
    public var daysBeforeThirdStep = 14
    /// Days a late-payment notice must run before dispute resolution (or termination).
    public var noticeDays = 28
    /// Dispute resolution must start within this many years of the matter.
    public var disputeWindowYears = 3

    public init() {}

    public func nextStep(for claim: Claim, attempts: [Attempt], practice: Practice, asOf today: CalendarDate) -> NextStep {
        guard claim.outstanding > .zero else { return NextStep(action: .none) }
        guard claim.isOverdue(asOf: today) else {
            return NextStep(action: .wait, templates: [DocumentName.chase], date: claim.dueOn.adding(days: 1))
        }
        let sorted = attempts.sorted { $0.date < $1.date }
        let chases = sorted.filter { $0.template == DocumentName.chase }
        let byNHSEngland = claim.paymaster == .nhsEngland

        if let referral = sorted.last(where: { $0.template == DocumentName.disputeResolution }) {
            return NextStep(action: .followUp, templates: [DocumentName.disputeResolution], date: referral.date)
        }
        if let notice = sorted.last(where: { $0.template == DocumentName.latePaymentNotice || $0.template == DocumentName.lmcReferral }) {
            guard byNHSEngland else { return NextStep(action: .followUp, templates: [DocumentName.lmcReferral], date: notice.date) }
            let step = [DocumentName.disputeResolution]
            let due = (sorted.last { $0.template == DocumentName.latePaymentNotice } ?? notice).date.adding(days: noticeDays)
            var next = today >= due ? NextStep(action: .send, templates: step) : NextStep(action: .wait, templates: step, date: due)
            next.warning = disputeWarning(for: claim, practice: practice, asOf: today)
            return next
        }
        let second = sorted.last { $0.template == DocumentName.appeal } ?? (chases.count >= 2 ? chases.last : nil)
        if let second {
            let step = byNHSEngland
                ? [DocumentName.lmcReferral, DocumentName.latePaymentNotice]
                : [DocumentName.lmcReferral, DocumentName.formalComplaint]
            return timed(step, after: second.date, days: daysBeforeThirdStep, today: today)
        }
        if let first = chases.last {
            let step = byNHSEngland ? [DocumentName.appeal] : [DocumentName.chase]
            return timed(step, after: first.date, days: daysBeforeSecondStep, today: today)
        }
        return NextStep(action: .send, templates: [DocumentName.chase])
    }

    private func timed(_ templates: [String], after date: CalendarDate, days: Int, today: CalendarDate) -> NextStep {
        let due = date.adding(days: days)
        return today >= due
            ? NextStep(action: .send, templates: templates)
            : NextStep(action: .wait, templates: templates, date: due)
    }

    private func disputeWarning(for claim: Claim, practice: Practice, asOf today: CalendarDate) -> String? {
        var notes: [String] = []
        if today > claim.dueOn.adding(years: disputeWindowYears) {
            notes.append("more than \(disputeWindowYears) years since payment was due: dispute resolution may be out of time")
        }
        if !practice.nhsBody {
            notes.append("a private-law contract may go to court instead of NHS dispute resolution")
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }
}
