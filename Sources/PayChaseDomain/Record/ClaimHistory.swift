import Foundation

/// What the record means, claim by claim: what reached someone (emails the server accepted or
/// the practice confirmed, letters posted), what came back and what was paid. A pure fold over
/// the entries in the order recorded; the Outbox only stores them, and every front end reads
/// this rather than the entries.
public struct ClaimHistory: Sendable {
    /// Per claim, in order: what the record proves reached someone, dated in Europe/London.
    public var attempts: [String: [Attempt]] = [:]
    /// Per claim: what came back and what was paid. Every claim with an entry has one.
    public var feedback: [String: ClaimFeedback] = [:]
    /// Per claim and document, the newest email of it that reached the server: its day and Message-ID.
    public var lastSent: [String: [String: (date: CalendarDate, messageID: String)]] = [:]
    /// Per claim, the Message-ID of the newest email that reached the server: a bounce about an
    /// older one does not bring the claim back.
    private var newest: [String: String] = [:]
    /// The bank statement lines payments were recorded from, by their hash.
    public var bankLines: Set<String> = []

    /// Per claim, the day the record proves its evidence reached the server (and no report
    /// says it failed to be delivered).
    public var evidenceSent: [String: CalendarDate] {
        feedback.compactMapValues { $0.evidence.flatMap { $0.failed == nil ? $0.day : nil } }
    }
    /// Per claim, every evidence submission the server accepted, oldest first: the proof is the
    /// first not reported undelivered, else the newest.
    private var submissions: [String: [EvidenceProof]] = [:]
    private var days = LondonTime.Days()

    public init() {}

    /// The history of every claim in `entries`, oldest first.
    public init<Entries: Sequence>(_ entries: Entries) where Entries.Element == (time: String, entry: RecordEntry) {
        for (time, entry) in entries { apply(entry, at: time) }
    }

    /// Adds one entry, recorded at `time` (the record's own format).
    public mutating func apply(_ entry: RecordEntry, at time: String) {
        guard let claimID = entry.claimID else { return }
        // Changed where it lies: every claim with an entry has its feedback, and a payment (most
        // of a busy record) is one append, with no day worked out for it.
        switch entry {
        case .email(let email) where email.outcome.reachedServer && email.message.template == DocumentName.evidenceSubmission:
            // Proof of submission, not a step in chasing: it neither clears a chase's bounce nor
            // becomes the email a bounce must be about.
            guard let at = RecordTime.parse(time) else { return }
            submissions[claimID, default: []].append(
                EvidenceProof(acceptedAt: at, to: email.message.to, messageID: email.message.messageID, reply: email.reply, sha256: email.sha256)
            )
            settleProof(claimID)
            if let date = day(time) { lastSent[claimID, default: [:]][email.message.template] = (date, email.message.messageID) }
        case .email(let email) where email.outcome.reachedServer:
            // A later email clears an earlier bounce: the address was fixed and the document sent again.
            feedback[claimID, default: ClaimFeedback()].bounced = nil
            newest[claimID] = email.message.messageID
            guard let date = day(time) else { return }
            attempts[claimID, default: []].append(
                Attempt(template: email.message.template, date: date, method: .email, to: email.message.to.joined(separator: ", "))
            )
            lastSent[claimID, default: [:]][email.message.template] = (date, email.message.messageID)
        case .letterPosted(let letter):
            if feedback[claimID] == nil { feedback[claimID] = ClaimFeedback() }
            attempts[claimID, default: []].append(
                Attempt(template: letter.template, date: letter.postedOn, method: .post, to: letter.to.joined(separator: ", "))
            )
        case .mailReturned(let mail):
            let date = day(time)
            if let index = submissions[claimID]?.firstIndex(where: { $0.messageID == mail.originalMessageID }),
                let at = mail.facts.writtenAt ?? RecordTime.parse(time)
            {
                switch mail.meaning {
                case .delivered: submissions[claimID]![index].delivered = submissions[claimID]![index].delivered ?? at
                case .read: submissions[claimID]![index].read = submissions[claimID]![index].read ?? at
                case .failed: submissions[claimID]![index].failed = at
                default: break
                }
                settleProof(claimID)
            }
            switch mail.meaning {
            case .failed where newest[claimID] == mail.originalMessageID:
                if let date {
                    feedback[claimID, default: ClaimFeedback()].bounced = .init(date: date, template: mail.template, status: mail.facts.status)
                }
            case .delivered:
                if let date { feedback[claimID, default: ClaimFeedback()].delivered = date }
            case .read:
                if let date { feedback[claimID, default: ClaimFeedback()].read = date }
            case .reply:
                feedback[claimID, default: ClaimFeedback()].replied = date
            case .automaticReply:
                feedback[claimID, default: ClaimFeedback()].automaticReply = date
            case .failed, .deletedUnread, .delayed, .other:
                break
            }
            if feedback[claimID] == nil { feedback[claimID] = ClaimFeedback() }
        case .paymentReceived(let payment):
            if let line = payment.bankLine { bankLines.insert(line.sha256) }
            feedback[claimID, default: ClaimFeedback()].payments.append(
                RecordedPayment(amount: payment.amount, receivedOn: payment.receivedOn, reference: payment.reference)
            )
        case .partnersDecision(let decision):
            let newest = max(feedback[claimID]?.agreed[decision.step] ?? decision.decidedOn, decision.decidedOn)
            feedback[claimID, default: ClaimFeedback()].agreed[decision.step] = newest
        case .paused(let pause):
            guard let date = day(time) else { return }
            feedback[claimID, default: ClaimFeedback()].paused = .init(reason: pause.reason, since: date, until: pause.until)
        case .resumed:
            feedback[claimID, default: ClaimFeedback()].paused = nil
        case .sentItemsCopy(let copy):
            if let index = submissions[claimID]?.firstIndex(where: { $0.messageID == copy.message.messageID }) {
                submissions[claimID]![index].filedIn = copy.folder
                settleProof(claimID)
            }
            if feedback[claimID] == nil { feedback[claimID] = ClaimFeedback() }
        case .email, .repair:
            if feedback[claimID] == nil { feedback[claimID] = ClaimFeedback() }
        }
    }

    /// Adds the history of other claims, folded on its own (a claim's history is the fold of its
    /// own entries, so folds of different claims' entries can be made at once and put together).
    public mutating func merge(_ other: consuming ClaimHistory) {
        func keepingMine<Value>(_ mine: Value, _: Value) -> Value { mine }
        attempts.merge(other.attempts, uniquingKeysWith: keepingMine)
        feedback.merge(other.feedback, uniquingKeysWith: keepingMine)
        lastSent.merge(other.lastSent, uniquingKeysWith: keepingMine)
        newest.merge(other.newest, uniquingKeysWith: keepingMine)
        submissions.merge(other.submissions, uniquingKeysWith: keepingMine)
        bankLines.formUnion(other.bankLines)
    }

    /// The claim's proof of submission: the first submission not reported undelivered, else the newest.
    private mutating func settleProof(_ claimID: String) {
        guard let all = submissions[claimID] else { return }
        feedback[claimID, default: ClaimFeedback()].evidence = all.first { $0.failed == nil } ?? all.last
    }

    /// The day in Europe/London of a time in the record's format.
    private mutating func day(_ time: String) -> CalendarDate? {
        RecordTime.parse(time).map { days.date(of: $0) }
    }
}
