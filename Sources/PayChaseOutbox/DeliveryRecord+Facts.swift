extension DeliveryRecord {
    /// What a receipt, bounce or reply read back from the practice mailbox said.
    public struct ReceiptFacts: Codable, Sendable, Hashable {
        /// read-receipt, delivery-status, automatic-reply or reply.
        public var kind: String
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
        /// How it was matched: original-message-id, returned-headers, envelope-id, in-reply-to, references.
        public var matchedBy: String
        /// Its own Message-ID and Date.
        public var messageID: String?
        public var date: String?
        /// Where it was in the mailbox: `UIDVALIDITY:UID`.
        public var mailbox: String

        public init(
            kind: String,
            originalMessageID: String,
            matchedBy: String,
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
            self.kind = kind
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

        enum CodingKeys: String, CodingKey {
            case kind, disposition, mode, action, status, diagnostic, date, mailbox
            case reportingAgent = "reporting_agent"
            case originalMessageID = "original_message_id"
            case matchedBy = "matched_by"
            case messageID = "message_id"
        }
    }

    /// A payment the practice received.
    public struct PaymentFacts: Codable, Sendable, Hashable {
        public var pence: Int64
        /// ISO 8601 date it arrived.
        public var receivedOn: String
        public var reference: String?

        public init(pence: Int64, receivedOn: String, reference: String?) {
            self.pence = pence
            self.receivedOn = receivedOn
            self.reference = reference
        }

        enum CodingKeys: String, CodingKey {
            case pence, reference
            case receivedOn = "received_on"
        }
    }
}
