import Foundation
import PayChaseDomain

/// A name and an address, as in `"Riverside Medical Centre" <manager@riverside.example>`.
public struct Mailbox: Sendable, Hashable {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }
}

/// A file sent with an email, such as the letter as a PDF.
public struct MailAttachment: Sendable, Hashable {
    public var filename: String
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String, contentType: String, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}

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

/// Unique Message-IDs at the sender's domain.
public enum MessageID {
    /// `pc.<time in base 36>.<128 random bits in base 36>@riverside.example`, from the sender's address.
    public static func make(domain address: String) -> String {
        let domain = EmailAddress.domain(of: address)
        let stamp = String(Int(Date().timeIntervalSince1970), radix: 36)
        var generator = SystemRandomNumberGenerator()
        let random = String(generator.next() as UInt64, radix: 36) + String(generator.next() as UInt64, radix: 36)
        return "pc.\(stamp).\(random)@\(domain)"
    }
}

/// Why a message could not be composed. Nothing is written or sent for it.
public struct MailError: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
