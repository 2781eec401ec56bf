import Foundation
import PayChaseDomain

/// Turns a `MailMessage` into the exact RFC 5322 bytes that are saved and sent.
public enum MailComposer {
    /// RFC 5322's hard limit for a line, without CRLF.
    public static let maxLineLength = 998

    /// Composes the message. A draft carries `X-Unsent: 1` so Outlook opens it ready to send;
    /// a message for sending never does.
    public static func compose(_ message: MailMessage, draft: Bool) throws(MailError) -> [UInt8] {
        try check(message)
        var fields: [String] = [
            HeaderEncoding.field("Date", RFC5322Date.format(message.date)),
            HeaderEncoding.fold(name: "From", words: HeaderEncoding.mailbox(message.from, room: HeaderEncoding.room(after: "From"))),
            HeaderEncoding.fold(name: "To", words: addressList(message.to, room: HeaderEncoding.room(after: "To"))),
        ]
        if !message.cc.isEmpty {
            fields.append(HeaderEncoding.fold(name: "Cc", words: addressList(message.cc, room: HeaderEncoding.room(after: "Cc"))))
        }
        fields += [
            HeaderEncoding.field("Subject", message.subject),
            "Message-ID: <\(message.messageID)>",
            "MIME-Version: 1.0",
        ]
        let boundary = "=_paychase_" + String(UInt64.random(in: 0...UInt64.max), radix: 36) + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        if message.attachments.isEmpty {
            fields += Self.textPartHeaders
        } else {
            fields.append("Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)\"")
        }
        if let to = message.readReceiptTo { fields.append("Disposition-Notification-To: <\(to)>") }
        if let to = message.deliveryReceiptTo { fields.append("Return-Receipt-To: <\(to)>") }
        for header in message.extraHeaders { fields.append(HeaderEncoding.field(header.name, header.value)) }
        if draft { fields.append("X-Unsent: 1") }

        var bytes = Array((fields.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        if message.attachments.isEmpty {
            bytes += textBody(message.body)
            return bytes
        }
        bytes += Array("This is a message in several parts (MIME).\r\n".utf8)
        bytes += Array("--\(boundary)\r\n\(Self.textPartHeaders.joined(separator: "\r\n"))\r\n\r\n".utf8)
        bytes += textBody(message.body)
        for attachment in message.attachments {
            let headers = [
                "Content-Type: \(attachment.contentType); name=\"\(attachment.filename)\"",
                "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment; filename=\"\(attachment.filename)\"",
            ]
            bytes += Array("--\(boundary)\r\n\(headers.joined(separator: "\r\n"))\r\n\r\n".utf8)
            bytes += Array(
                Data(attachment.bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8
            )
            bytes += [13, 10]
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
        return bytes
    }

    private static let textPartHeaders = [
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: quoted-printable",
    ]

    /// The quoted-printable text, ending in CRLF.
    private static func textBody(_ text: String) -> [UInt8] {
        var bytes = QuotedPrintable.encode(text)
        if !bytes.suffix(2).elementsEqual([13, 10]) { bytes += [13, 10] }
        return bytes
    }

    private static func addressList(_ mailboxes: [Mailbox], room: Int) -> [String] {
        var words: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var parts = HeaderEncoding.mailbox(mailbox, room: room)
            if index < mailboxes.count - 1 { parts[parts.count - 1] += "," }
            words += parts
        }
        return words
    }

    /// Refuses anything that could inject a header or corrupt the envelope.
    static func check(_ message: MailMessage) throws(MailError) {
        guard !message.to.isEmpty else { throw MailError(field: "To", message: "a message needs a recipient") }
        let mailboxes = [("From", message.from)] + message.to.map { ("To", $0) } + message.cc.map { ("Cc", $0) }
        for (field, mailbox) in mailboxes {
            try checkText(field, mailbox.name ?? "")
            guard EmailAddress.isValid(mailbox.address) else {
                throw MailError(field: field, message: "'\(printable(mailbox.address))' is not a valid email address")
            }
        }
        for (field, address) in [("Disposition-Notification-To", message.readReceiptTo), ("Return-Receipt-To", message.deliveryReceiptTo)] {
            if let address, !EmailAddress.isValid(address) {
                throw MailError(field: field, message: "'\(printable(address))' is not a valid email address")
            }
        }
        try checkText("Subject", message.subject)
        guard !message.messageID.hasHeaderUnsafeCharacters, !message.messageID.contains(" ") else {
            throw MailError(field: "Message-ID", message: "contains a line break or control character")
        }
        // Names, ids and file names cannot be folded: bounded, so no line nears RFC 5322's 998.
        guard message.messageID.utf8.count <= 250 else {
            throw MailError(field: "Message-ID", message: "is longer than 250 characters")
        }
        for header in message.extraHeaders {
            guard header.name.utf8.allSatisfy({ HeaderEncoding.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                throw MailError(field: header.name, message: "is not a valid header name")
            }
            guard header.name.utf8.count <= 64 else {
                throw MailError(field: "header", message: "'\(printable(header.name))' is longer than 64 characters, too long for a header name")
            }
            try checkText(header.name, header.value)
        }
        if message.body.hasNUL { throw MailError(field: "body", message: "contains a NUL character") }
        for attachment in message.attachments {
            // Spaces are safe inside the quotes; other characters would need RFC 2231 encoding.
            let safe = attachment.filename.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" && $0 != "/" }
            guard safe, !attachment.filename.isEmpty, attachment.filename.trimmingCharacters(in: .whitespaces) == attachment.filename,
                attachment.filename.utf8.count <= 255
            else {
                throw MailError(
                    field: "attachment",
                    message:
                        "'\(printable(attachment.filename))' is not a plain file name of at most 255 characters (letters, digits, spaces and punctuation other than quotes and slashes); rename the file"
                )
            }
            guard attachment.contentType.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/.+-".contains($0)) }),
                attachment.contentType.utf8.count <= 255
            else {
                throw MailError(
                    field: "attachment",
                    message: "'\(printable(attachment.contentType))' is not a content type of at most 255 characters"
                )
            }
        }
    }

    private static func checkText(_ field: String, _ text: String) throws(MailError) {
        if text.hasHeaderUnsafeCharacters {
            throw MailError(
                field: field,
                message: "'\(printable(text))' contains a line break or control character, which could forge mail headers; refused"
            )
        }
    }

    /// The text with control characters shown as `\r`, `\n`, `\0`, for an error message.
    static func printable(_ text: String) -> String {
        let shown = text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\r": "\\r"
            case "\n": "\\n"
            case "\0": "\\0"
            default: scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
        }.joined()
        return shown.count > 60 ? String(shown.prefix(57)) + "..." : shown
    }
}
