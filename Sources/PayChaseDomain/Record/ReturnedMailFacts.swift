import Foundation

/// What a receipt, bounce or reply said, as read from it.
public struct ReturnedMailFacts: Sendable, Hashable {
    public enum Report: String, Sendable, Hashable, CaseIterable {
        case readReceipt = "read-receipt"
        case deliveryStatus = "delivery-status"
        case automaticReply = "automatic-reply"
        case reply

        public var kind: RecordEntry.Kind { RecordEntry.Kind(rawValue: rawValue)! }
    }

    /// How it was matched to the email PayChase sent.
    public enum Match: String, Sendable, Hashable, CaseIterable {
        case originalMessageID = "original-message-id"
        case returnedHeaders = "returned-headers"
        case envelopeID = "envelope-id"
        case inReplyTo = "in-reply-to"
        case references
    }

    public var report: Report
    /// For a read receipt: displayed, deleted, dispatched, processed; and manual or automatic.
    public var disposition: String?
    public var mode: String?
    /// For a delivery status: failed, delayed, delivered, relayed, expanded; the status code and diagnostic.
    public var action: String?
    public var status: String?
    public var diagnostic: String?
    /// Reporting-MTA or Reporting-UA.
    public var reportingAgent: String?
    /// The Message-ID of the email PayChase sent that this is about.
    public var originalMessageID: String
    public var matchedBy: Match
    /// Its own Message-ID and Date.
    public var messageID: String?
    public var date: String?
    /// Where it was in the mailbox: `UIDVALIDITY:UID`.
    public var mailbox: String

    public init(
        report: Report,
        originalMessageID: String,
        matchedBy: Match,
        mailbox: String,
        disposition: String? = nil,
        mode: String? = nil,
        action: String? = nil,
        status: String? = nil,
        diagnostic: String? = nil,
        reportingAgent: String? = nil,
        messageID: String? = nil,
        date: String? = nil
    ) {
        self.report = report
        self.originalMessageID = originalMessageID
        self.matchedBy = matchedBy
        self.mailbox = mailbox
        self.disposition = disposition
        self.mode = mode
        self.action = action
        self.status = status
        self.diagnostic = diagnostic
        self.reportingAgent = reportingAgent
        self.messageID = messageID
        self.date = date
    }

    public var meaning: ReturnedMailMeaning { ReturnedMailMeaning(self) }

    /// `displayed (manual-action/MDN-sent-manually)`, `failed 5.1.1: mailbox unavailable`.
    public var summary: String {
        switch report {
        case .readReceipt: "\(disposition ?? "?")" + (mode.map { " (\($0))" } ?? "")
        case .deliveryStatus: [action, status].compactMap { $0 }.joined(separator: " ") + (diagnostic.map { ": \($0)" } ?? "")
        case .automaticReply: "an automatic reply"
        case .reply: "a reply"
        }
    }
}

extension ReturnedMailFacts {
    /// When it says it was written (its `Date:`), where that reads as RFC 5322: for a read
    /// receipt, about when the email was read, which is later than when PayChase recorded it.
    public var writtenAt: Date? {
        guard var text = date?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let comma = text.firstIndex(of: ",") { text = String(text[text.index(after: comma)...]).trimmingCharacters(in: .whitespaces) }
        if let comment = text.firstIndex(of: "(") { text = String(text[..<comment]).trimmingCharacters(in: .whitespaces) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in ["d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm Z"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
