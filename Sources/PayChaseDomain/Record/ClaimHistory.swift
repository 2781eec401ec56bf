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
    private var days = LondonTime.Days()

    public init() {}

    /// The history of every claim in `entries`, oldest first.
    public init<Entries: Sequence>(_ entries: Entries) where Entries.Element == (time: String, entry: RecordEntry) {
        for (time, entry) in entries { apply(entry, at: time) }
    }

    /// Adds one entry, recorded at `time` (the record's own format).
    public mutating func apply(_ entry: RecordEntry, at time: String) {
        guard let claimID = entry.claimID else { return }
        var feedback = self.feedback.removeValue(forKey: claimID) ?? ClaimFeedback()
        defer { self.feedback[claimID] = feedback }
        let date = RecordTime.parse(time).map { days.date(of: $0) }
        switch entry {
        case .email(let email) where email.outcome.reachedServer:
            // A later email clears an earlier bounce: the address was fixed and the document sent again.
            feedback.bounced = nil
            newest[claimID] = email.message.messageID
            guard let date else { return }
            attempts[claimID, default: []].append(
                Attempt(template: email.message.template, date: date, method: .email, to: email.message.to.joined(separator: ", "))
            )
            lastSent[claimID, default: [:]][email.message.template] = (date, email.message.messageID)
        case .letterPosted(let letter):
            attempts[claimID, default: []].append(
                Attempt(template: letter.template, date: letter.postedOn, method: .post, to: letter.to.joined(separator: ", "))
            )
        case .mailReturned(let mail):
            switch mail.meaning {
            case .failed where newest[claimID] == mail.originalMessageID:
                if let date { feedback.bounced = .init(date: date, template: mail.template, status: mail.facts.status) }
            case .delivered:
                if let date { feedback.delivered = date }
            case .read:
                if let date { feedback.read = date }
            case .reply:
                feedback.replied = date
            case .automaticReply:
                feedback.automaticReply = date
            case .failed, .deletedUnread, .delayed, .other:
                break
            }
        case .paymentReceived(let payment):
            feedback.payments.append(RecordedPayment(amount: payment.amount, receivedOn: payment.receivedOn, reference: payment.reference))
        case .email, .sentItemsCopy, .repair:
            break
        }
    }
}
