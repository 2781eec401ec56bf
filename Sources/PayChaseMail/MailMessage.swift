import Foundation
import PayChaseDomain

/// A plain-text email before it is turned into RFC 5322 bytes.
public struct MailMessage: Sendable {
    public var from: Mailbox
    public var to: [Mailbox]
    /// Copies (`Cc:`), such as the LMC once it has been asked to help.
    public var cc: [Mailbox]
    public var subject: String
    public var body: String
    public var date: Date
    /// Without angle brackets: `1a2b…@riverside.example`.
    public var messageID: String
    /// Ask for a read receipt (RFC 8098 `Disposition-Notification-To`) sent here.
    public var readReceiptTo: String?
    /// Ask for a delivery receipt (`Return-Receipt-To`, as Outlook and Exchange write it) sent here.
    public var deliveryReceiptTo: String?
    /// Extra `X-` headers, such as the claim and template a message belongs to.
    public var extraHeaders: [(name: String, value: String)]
    /// Files after the text; with any, the message is multipart/mixed.
    public var attachments: [MailAttachment]

    public init(
        from: Mailbox,
        to: [Mailbox],
        cc: [Mailbox] = [],
        subject: String,
        body: String,
        date: Date = Date(),
        messageID: String? = nil,
        readReceiptTo: String? = nil,
        deliveryReceiptTo: String? = nil,
        extraHeaders: [(name: String, value: String)] = [],
        attachments: [MailAttachment] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID ?? MessageID.make(domain: from.address)
        self.readReceiptTo = readReceiptTo
        self.deliveryReceiptTo = deliveryReceiptTo
        self.extraHeaders = extraHeaders
        self.attachments = attachments
    }
}

extension MailMessage {
    /// Everyone the server is asked to deliver to (RCPT TO): the To and Cc addresses.
    public var envelopeRecipients: [String] { (to + cc).map(\.address) }
}
