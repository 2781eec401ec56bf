import PayChaseDomain
import PayChaseMail

extension ReturnedMailFacts.Report {
    /// What the record calls mail of this kind; nil for what is not about a sent email at all
    /// (feedback reports, newsletters).
    init?(_ kind: ReturnedMail.Kind) {
        switch kind {
        case .readReceipt: self = .readReceipt
        case .deliveryStatus: self = .deliveryStatus
        case .automaticReply: self = .automaticReply
        case .humanReply: self = .reply
        case .other: return nil
        }
    }
}

extension ReturnedMailFacts.Match {
    init(_ source: CandidateSource) {
        switch source {
        case .originalMessageID: self = .originalMessageID
        case .returnedHeaders: self = .returnedHeaders
        case .envelopeID: self = .envelopeID
        case .inReplyTo: self = .inReplyTo
        case .references: self = .references
        }
    }
}

extension ReturnedMailFacts {
    /// What `mail`, a `report` about `original`, says, and where it was found.
    init(_ mail: ReturnedMail, report: Report, original: SentEmail, matchedBy source: CandidateSource, mailbox: String) {
        self.init(
            report: report,
            originalMessageID: original.messageID,
            matchedBy: Match(source),
            mailbox: mailbox,
            messageID: mail.messageID,
            date: mail.date
        )
        switch mail.kind {
        case .readReceipt(let disposition, let mode):
            self.disposition = disposition
            self.mode = mode.rawValue
            reportingAgent = mail.dispositionNotification?.reportingUA
        case .deliveryStatus(let reportingMTA, let recipients):
            // The recipient this email went to, when the report names it; otherwise the first.
            let ours =
                recipients.first { status in
                    original.to.contains { $0.caseInsensitiveCompare(status.finalRecipient ?? "") == .orderedSame }
                } ?? recipients.first
            action = ours?.action?.rawValue ?? "failed"
            status = ours?.status
            diagnostic = ours?.diagnosticCode
            reportingAgent = reportingMTA
        case .automaticReply, .humanReply, .other:
            break
        }
    }
}
