import PayChaseMail
import PayChaseOutbox

/// The kinds of returned mail the record keeps, and what each says in the record.
enum ReceiptKind: Equatable {
    case readReceipt, deliveryStatus, automaticReply, reply

    /// nil for what is not about a sent email at all (feedback reports, anything else).
    init?(_ kind: ReturnedMail.Kind) {
        switch kind {
        case .readReceipt: self = .readReceipt
        case .deliveryStatus: self = .deliveryStatus
        case .automaticReply: self = .automaticReply
        case .humanReply: self = .reply
        case .other: return nil
        }
    }

    var outcome: DeliveryRecord.Outcome {
        switch self {
        case .readReceipt: .readReceipt
        case .deliveryStatus: .deliveryStatus
        case .automaticReply: .automaticReply
        case .reply: .reply
        }
    }

    func facts(of mail: ReturnedMail, original: DeliveryRecord, matchedBy source: CandidateSource, mailbox: String) -> DeliveryRecord.ReceiptFacts {
        var facts = DeliveryRecord.ReceiptFacts(
            kind: outcome.rawValue,
            originalMessageID: original.messageID,
            matchedBy: source.name,
            mailbox: mailbox,
            messageID: mail.messageID,
            date: mail.date
        )
        switch mail.kind {
        case .readReceipt(let disposition, let mode):
            facts.disposition = disposition
            facts.mode = mode.rawValue
            facts.reportingAgent = mail.dispositionNotification?.reportingUA
        case .deliveryStatus(let reportingMTA, let recipients):
            // The recipient this email went to, when the report names it; otherwise the first.
            let ours =
                recipients.first { status in
                    original.to.contains { $0.caseInsensitiveCompare(status.finalRecipient ?? "") == .orderedSame }
                } ?? recipients.first
            facts.action = ours?.action?.rawValue ?? "failed"
            facts.status = ours?.status
            facts.diagnostic = ours?.diagnosticCode
            facts.reportingAgent = reportingMTA
        case .automaticReply, .humanReply, .other:
            break
        }
        return facts
    }

    /// `displayed (manual)`, `failed 5.1.1: 550 5.1.1 no such user`, `out of office`, `a reply`.
    func summary(_ facts: DeliveryRecord.ReceiptFacts) -> String {
        switch self {
        case .readReceipt: "\(facts.disposition ?? "?")" + (facts.mode.map { " (\($0))" } ?? "")
        case .deliveryStatus:
            [facts.action, facts.status].compactMap { $0 }.joined(separator: " ") + (facts.diagnostic.map { ": \($0)" } ?? "")
        case .automaticReply: "an automatic reply"
        case .reply: "a reply"
        }
    }
}

extension CandidateSource {
    /// As the record writes it.
    var name: String {
        switch self {
        case .originalMessageID: "original-message-id"
        case .returnedHeaders: "returned-headers"
        case .envelopeID: "envelope-id"
        case .inReplyTo: "in-reply-to"
        case .references: "references"
        }
    }
}
