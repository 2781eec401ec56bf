/// The default escalation ladder of DESIGN.md, with its intervals configurable. It routes by the
/// contract the money is owed under, and counts only what the record shows was sent or posted.
public struct EscalationLadder: Sendable, Hashable {
    /// Days after a chase before appealing (GP contract) or chasing again.
    public var daysBeforeSecondStep = 14
    /// Days after the appeal or second chase before the LMC referral.
    public var daysBeforeLMC = 14
    /// Days the LMC referral has before a late-payment notice or letter before claim.
    public var daysForLMC = 14
    /// Days a late-payment notice runs before dispute resolution (or termination).
    public var noticeDays = 28
    /// Days a request to resolve the dispute locally has before dispute resolution.
    public var daysForLocalResolution = 14
    /// Dispute resolution must start within this many years of the matter.
    public var disputeWindowYears = 3
    /// A complaint must be made within this many months of the matter.
    public var complaintWindowMonths = 12
    /// A time limit is warned about from this many days before it.
    public var warnDaysBefore = 90

    public init() {}

    /// What comes back changes it: a bounce means fixing the address, a reply means reading it.
    public func nextStep(
        for claim: Claim,
        attempts: [Attempt],
        practice: Practice,
        asOf today: CalendarDate,
        feedback: ClaimFeedback = .init()
    ) -> NextStep {
        guard claim.outstanding > .zero else { return settled(attempts) }
        if let pause = feedback.paused, pause.holds(on: today) {
            // "paused until 25 December 2026: promise to pay by 25 December".
            var step = NextStep(action: .paused, date: pause.until)
            step.reason = pause.reason
            return step
        }
        var step = decisionFirst(rung(for: claim, attempts: attempts.sorted { $0.date < $1.date }, practice: practice, today: today), feedback)
        if let bounced = feedback.bounced {
            step = NextStep(action: .fixAddress, templates: [bounced.template], date: bounced.date)
        } else if let replied = feedback.replied, attempts.allSatisfy({ $0.date <= replied }) {
            step = NextStep(action: .readReply, date: replied)
        }
        // A pause that ended lately is mentioned for a fortnight.
        let ended = feedback.paused.flatMap { pause in
            pause.until.flatMap { $0.days(until: today) <= 14 ? "the pause (\(pause.reason)) ended on \($0.formatted): chasing resumes" : nil }
        }
        let warnings = [ended, step.warning].compactMap { $0 } + limitWarnings(for: claim, asOf: today)
        step.warning = warnings.isEmpty ? nil : warnings.joined(separator: "; ")
        return step
    }

    /// The last day of the years "beginning with" the due date: the day before the anniversary,
    /// as such a period is counted (the day it begins with is its first day).
    public func disputeDeadline(for claim: Claim) -> CalendarDate {
        claim.dueOn.adding(years: disputeWindowYears).adding(days: -1)
    }

    /// The day the record shows the late-payment notice given, as the claim's agreement deems it
    /// (by email and by post, the later governing unless the agreement says otherwise).
    public func noticeGiven(for claim: Claim, attempts: [Attempt]) -> CalendarDate? {
        claim.placement.notices.givenOn(DocumentName.latePaymentNotice, attempts: attempts)
    }

    /// The first day a contract could be ended after the notice given on `given`: the notice
    /// period of `noticeDays` must have passed.
    public func earliestTermination(afterNoticeGiven given: CalendarDate) -> CalendarDate {
        given.adding(days: noticeDays)
    }

    /// The months "after" the due date, to the same day of the month.
    public func complaintDeadline(for claim: Claim) -> CalendarDate {
        claim.dueOn.adding(months: complaintWindowMonths)
    }

    /// The time limits that run for this claim's route.
    public func limits(for claim: Claim) -> [TimeLimit] {
        guard claim.route == .gpContract else { return [] }
        return [
            TimeLimit(name: "formal complaint", deadline: complaintDeadline(for: claim)),
            TimeLimit(name: "dispute resolution", deadline: disputeDeadline(for: claim)),
        ]
    }

    private func rung(for claim: Claim, attempts sorted: [Attempt], practice: Practice, today: CalendarDate) -> NextStep {
        guard claim.isOverdue(asOf: today) else {
            return NextStep(action: .wait, templates: [DocumentName.chase], date: claim.dueOn.adding(days: 1))
        }
        func last(_ template: String) -> Attempt? { sorted.last { $0.template == template } }
        let gpContract = claim.route == .gpContract
        let nhsContract = claim.isNHSContract(practice: practice)
        for ended in [DocumentName.disputeResolution, DocumentName.letterBeforeClaim] {
            if let sent = last(ended) { return NextStep(action: .followUp, templates: [ended], date: sent.date) }
        }
        if gpContract, let given = noticeGiven(for: claim, attempts: sorted) {
            let steps =
                nhsContract == true
                ? [DocumentName.disputeResolution]
                : [DocumentName.disputeResolution, DocumentName.letterBeforeClaim]
            // Reasonable efforts to resolve the dispute locally come first (GMS regulation 81(1)).
            guard let local = last(DocumentName.localResolution) else {
                var step = timed([DocumentName.localResolution], after: given, days: noticeDays, today: today)
                let routes = Set(sorted.filter { $0.template == DocumentName.latePaymentNotice }.map(\.method))
                if routes.count == 1, let route = routes.first {
                    step.warning =
                        route == .email
                        ? "the late-payment notice is recorded as emailed but not as posted: post the letter and record it (paychase record-posting); the notice period counts from the \(claim.placement.notices.laterGoverns ? "later" : "earlier") of the two"
                        : "the late-payment notice is recorded as posted but not as emailed"
                }
                return step
            }
            return timed(steps, after: local.date, days: daysForLocalResolution, today: today)
        }
        if let referral = last(DocumentName.lmcReferral) {
            guard gpContract else {
                // A separate agreement follows its own dispute clause; an NHS contract never goes to court.
                guard let nhsContract else {
                    return NextStep(
                        action: .followUp,
                        date: referral.date,
                        warning:
                            "the claim is not placed under an agreement: name it in the claims file's contract column (one of paychase.yaml's contracts:) to know whether a letter before claim fits"
                    )
                }
                guard !nhsContract else {
                    return NextStep(
                        action: .followUp,
                        date: referral.date,
                        warning: "the agreement is an NHS contract: use its own dispute clause, not a letter before claim"
                    )
                }
                var step = timed([DocumentName.letterBeforeClaim], after: referral.date, days: daysForLMC, today: today)
                step.warning =
                    claim.route == .publicHealth
                    ? "first use the dispute clause of the contract with the local authority, if it has one"
                    : "first use the dispute clause of the agreement, if it has one"
                return step
            }
            guard claim.dueBasis.isConfirmed else {
                return NextStep(
                    action: .followUp,
                    date: referral.date,
                    warning:
                        claim.dueBasis == .assumedAfterApproval
                        ? "the due date is assumed (\(claim.dueBasis.assumedAs!), as no payment terms are set for the agreement): confirm it, or add due_on or the agreement's payment_terms, before any late-payment notice"
                        : "the due date is assumed (\(DueBasis.assumption)): confirm it, or add approved_on or due_on, before any late-payment notice"
                )
            }
            var notice = timed([DocumentName.latePaymentNotice], after: referral.date, days: daysForLMC, today: today)
            notice.serious = true
            return notice
        }
        let chases = sorted.filter { $0.template == DocumentName.chase }
        if let second = last(DocumentName.appeal) ?? (chases.count >= 2 ? chases.last : nil) {
            return timed([DocumentName.lmcReferral], after: second.date, days: daysBeforeLMC, today: today)
        }
        if let first = chases.last {
            return timed([gpContract ? DocumentName.appeal : DocumentName.chase], after: first.date, days: daysBeforeSecondStep, today: today)
        }
        return NextStep(action: .send, templates: [DocumentName.chase])
    }

    /// Documents that, once given, a payment should withdraw in writing.
    public static let withdrawnOnPayment: Set<String> = [
        DocumentName.latePaymentNotice, DocumentName.localResolution, DocumentName.disputeResolution, DocumentName.letterBeforeClaim,
        DocumentName.formalComplaint,
    ]

    /// Paid: nothing more, unless a notice, complaint or dispute was given and no acknowledgement
    /// has gone since, which withdraws it.
    private func settled(_ attempts: [Attempt]) -> NextStep {
        guard let given = attempts.filter({ Self.withdrawnOnPayment.contains($0.template) }).map(\.date).max() else {
            return NextStep(action: .none)
        }
        let acknowledged = attempts.contains { $0.template == DocumentName.paymentAcknowledgement && $0.date >= given }
        return acknowledged ? NextStep(action: .none) : NextStep(action: .send, templates: [DocumentName.paymentAcknowledgement])
    }

    /// A late-payment notice or letter before claim is given only with the partners' agreement: until
    /// their signed decision is recorded, drafting it for them to sign comes first.
    private func decisionFirst(_ step: NextStep, _ feedback: ClaimFeedback) -> NextStep {
        guard step.action == .send, !step.templates.isEmpty, step.templates.allSatisfy(PartnersDecision.steps.contains),
            let pending = step.templates.first(where: { feedback.agreed[$0] == nil })
        else { return step }
        let ask =
            "the partners' agreement to give the \(pending) is not recorded: print the partners' decision record, have the partners sign it, then record it (paychase record-decision \(pending))"
        return NextStep(
            action: .send,
            templates: [DocumentName.partnersDecision],
            warning: ([ask] + [step.warning].compactMap { $0 }).joined(separator: "; ")
        )
    }

    private func timed(_ templates: [String], after date: CalendarDate, days: Int, today: CalendarDate) -> NextStep {
        let due = date.adding(days: days)
        return today >= due
            ? NextStep(action: .send, templates: templates)
            : NextStep(action: .wait, templates: templates, date: due)
    }

    /// A limit past or within `warnDaysBefore` days, said plainly.
    private func limitWarnings(for claim: Claim, asOf today: CalendarDate) -> [String] {
        limits(for: claim).compactMap { limit in
            if today > limit.deadline { return "past the time limit for \(limit.name) (\(limit.deadline.formatted))" }
            if today.days(until: limit.deadline) <= warnDaysBefore { return "\(limit.name) must start by \(limit.deadline.formatted)" }
            return nil
        }
    }
}
