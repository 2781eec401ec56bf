import Foundation
import PayChaseMail
import PayChaseTestSupport
import Testing

struct MailComposerTests {
    func message(subject: String = "Payment query", body: String = "Dear Sir or Madam,\n\nPlease pay £1,234.56.\n") -> MailMessage {
        MailMessage(
            from: Mailbox(name: "Riverside Medical Centre", address: "manager@riverside.example"),
            to: [Mailbox(name: "NHS England (London region)", address: "payments@england.example")],
            subject: subject,
            body: body,
            date: Date(timeIntervalSince1970: 1_795_386_712),
            readReceiptTo: "manager@riverside.example",
            deliveryReceiptTo: "manager@riverside.example",
            extraHeaders: [("X-PayChase-Claim", "D-1")]
        )
    }

    @Test func aDraftParsesBackWithEveryHeader() throws {
        let bytes = try MailComposer.compose(message(), draft: true)
        let parsed = try ParsedEmail.parse(bytes: bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.fromAddresses == ["manager@riverside.example"])
        #expect(parsed.fromNames == ["Riverside Medical Centre"])
        #expect(parsed.toAddresses == ["payments@england.example"])
        #expect(parsed.toNames == ["NHS England (London region)"])
        #expect(parsed.header("Subject") == "Payment query")
        #expect(parsed.header("Date") == "Sun, 22 Nov 2026 22:31:52 +0000")
        #expect(parsed.header("Message-ID")?.hasSuffix("@riverside.example>") == true)
        #expect(parsed.header("Disposition-Notification-To") == "<manager@riverside.example>")
        #expect(parsed.header("Return-Receipt-To") == "<manager@riverside.example>")
        #expect(parsed.header("X-Unsent") == "1")
        #expect(parsed.header("MIME-Version") == "1.0")
        #expect(parsed.contentType == "text/plain")
        #expect(parsed.charset == "utf-8")
        #expect(parsed.transferEncoding == "quoted-printable")
        #expect(parsed.body == "Dear Sir or Madam,\n\nPlease pay £1,234.56.\n")
    }

    @Test func aMessageForSendingHasNoXUnsent() throws {
        let parsed = try ParsedEmail.parse(bytes: try MailComposer.compose(message(), draft: false))
        #expect(parsed.values("X-Unsent").isEmpty)
    }

    @Test func summerDatesCarryTheBritishSummerTimeOffset() {
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_782_000_000)) == "Sun, 21 Jun 2026 01:00:00 +0100")
        // Within the same second, the same text; the next second, and either side of the clocks
        // going forward, their own.
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_782_000_000.9)) == "Sun, 21 Jun 2026 01:00:00 +0100")
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_782_000_001)) == "Sun, 21 Jun 2026 01:00:01 +0100")
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_774_745_999)) == "Sun, 29 Mar 2026 00:59:59 +0000")
        #expect(RFC5322Date.format(Date(timeIntervalSince1970: 1_774_746_000)) == "Sun, 29 Mar 2026 02:00:00 +0100")
        #expect(
            RFC5322Date.format(Date(timeIntervalSince1970: 1_774_746_000), timeZone: TimeZone(identifier: "UTC"))
                == "Sun, 29 Mar 2026 01:00:00 +0000"
        )
    }

    @Test func nonASCIIHeadersAreEncodedWordsThatDecodeBack() throws {
        var mail = message(subject: "Zoë Ní Bhriain – Łukasz: payment query for the Dementia DES claim for Q2 2013/14, outstanding £1,234.56")
        mail.to = [Mailbox(name: "Siobhán Ní Bhriain", address: "finance@ccg.example")]
        let bytes = try MailComposer.compose(mail, draft: true)
        let header = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        #expect(header.utf8.allSatisfy { $0 < 0x80 }, "headers are 7-bit")
        #expect(header.contains("=?UTF-8?B?"))
        let parsed = try ParsedEmail.parse(bytes: bytes)
        #expect(parsed.header("Subject") == mail.subject)
        #expect(parsed.toNames == ["Siobhán Ní Bhriain"])
        #expect(parsed.defects.isEmpty)
    }

    @Test func linesAreCRLFAndShort() throws {
        let long = String(repeating: "A very long sentence without any paragraph break at all. ", count: 60)
        let bytes = try MailComposer.compose(
            message(subject: String(repeating: "Long subject ", count: 20), body: long + "\n.leading dot\nFrom the practice\n"),
            draft: true
        )
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "no bare CR")
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "line over 78: \(line)")
        }
        #expect(!text.contains("\r\n.leading"), "a leading dot is escaped in the body")
        #expect(!text.contains("\r\nFrom the"), "a leading From is escaped in the body")
        let parsed = try ParsedEmail.parse(bytes: bytes)
        #expect(parsed.body == long + "\n.leading dot\nFrom the practice\n")
        #expect(parsed.header("Subject") == String(repeating: "Long subject ", count: 20).trimmingCharacters(in: .whitespaces))
    }

    @Test func unbrokenWordsLongerThanALineAreFoldedAsEncodedWords() throws {
        let subject = String(repeating: "x", count: 1200)
        let evidence = String(repeating: "EV/2013-14/", count: 110)
        let longName = String(repeating: "y", count: 1200)
        let longQuotedName = Array(repeating: "NHS England (London region)", count: 40).joined(separator: " ")
        var mail = message(subject: subject)
        mail.from = Mailbox(name: longName, address: "manager@riverside.example")
        mail.to = [Mailbox(name: longQuotedName, address: "payments@england.example"), Mailbox(name: longName, address: "finance@ccg.example")]
        mail.extraHeaders = [("X-PayChase-Claim", "D-1"), ("X-PayChase-Evidence", evidence)]
        let bytes = try MailComposer.compose(mail, draft: true)
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let overLimit = lines.map(\.utf8.count).filter { $0 > MailComposer.maxLineLength }
        #expect(overLimit.isEmpty, "lines over 998 octets: \(overLimit)")
        let overFold = lines.filter { $0.utf8.count > 78 }.map { String($0.prefix(40)) + "… (\($0.utf8.count))" }
        #expect(overFold.isEmpty, "lines over 78: \(overFold)")
        let parsed = try ParsedEmail.parse(bytes: bytes)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.header("Subject") == subject)
        #expect(parsed.header("X-PayChase-Evidence") == evidence)
        #expect(parsed.header("X-PayChase-Claim") == "D-1")
        #expect(parsed.toNames.first == longQuotedName, "a long quoted name folds at its spaces")
        #expect(parsed.toAddresses == ["payments@england.example", "finance@ccg.example"])
        // An unbroken name needs several encoded words; Python's address parser puts a space
        // between them (CPython gh-128110), so read it with Python's strict RFC 2047 decoder.
        #expect(parsed.rfc2047Header("From") == "\(longName) <manager@riverside.example>")
        #expect(parsed.rfc2047Header("To") == "\"\(longQuotedName)\" <payments@england.example>, \(longName) <finance@ccg.example>")
    }

    @Test func refusesIDsAndNamesTooLongForALineThatCannotFold() {
        var longID = message()
        longID.messageID = String(repeating: "a", count: 300) + "@riverside.example"
        var longHeader = message()
        longHeader.extraHeaders = [("X-" + String(repeating: "H", count: 1000), "1")]
        var longFile = message()
        longFile.attachments = [MailAttachment(filename: String(repeating: "f", count: 1000) + ".pdf", contentType: "application/pdf", bytes: [1])]
        for (mail, field) in [(longID, "Message-ID"), (longHeader, "header"), (longFile, "attachment")] {
            let error = #expect(throws: MailError.self) { try MailComposer.compose(mail, draft: true) }
            #expect(error?.field == field)
        }
    }

    @Test(arguments: [
        ("Subject", "Payment\r\nBcc: victim@example.org", "Subject"),
        ("Subject", "Payment\nquery", "Subject"),
        ("Subject", "Payment\0query", "Subject"),
        ("To", "finance@ccg.example\r\nRCPT TO:<x@evil.example>", "To"),
        ("To name", "CCG\r\nBcc: x@evil.example", "To"),
        ("From", "manager@riverside.example>\r\n", "From"),
        ("From name", "Riverside\nBcc: x@evil.example", "From"),
        ("Header", "D-1\r\nX-Evil: 1", "X-PayChase-Claim"),
    ])
    func refusesLineBreaksAndNULsThatCouldForgeHeaders(field: String, value: String, named: String) {
        var mail = message()
        switch field {
        case "Subject": mail.subject = value
        case "To": mail.to = [Mailbox(address: value)]
        case "To name": mail.to = [Mailbox(name: value, address: "finance@ccg.example")]
        case "From": mail.from = Mailbox(address: value)
        case "From name": mail.from = Mailbox(name: value, address: "manager@riverside.example")
        default: mail.extraHeaders = [("X-PayChase-Claim", value)]
        }
        let error = #expect(throws: MailError.self) { try MailComposer.compose(mail, draft: true) }
        #expect(error?.field == named)
        #expect(error?.description.hasPrefix("\(named): '") == true, "the message names the field, then shows the value")
        #expect(error?.description.contains(value) == false, "control characters are shown escaped, never raw")
    }

    @Test func aLongWordAfterTheFirstFoldsOntoALineOfItsOwnAsItIs() throws {
        let hash = String(repeating: "ab", count: 32)
        var mail = message()
        mail.extraHeaders = [("X-PayChase-Record", "entries=2 sha256=\(hash)")]
        let text = String(decoding: try MailComposer.compose(mail, draft: true), as: UTF8.self)
        #expect(text.contains("\r\nX-PayChase-Record: entries=2\r\n sha256=\(hash)\r\n"), "folded, not encoded")
        #expect(try ParsedEmail.parse(bytes: Array(text.utf8)).header("X-PayChase-Record") == "entries=2 sha256=\(hash)")
    }

    @Test func messageIDsAreUniqueAtTheSendersDomain() {
        let ids = (0..<1000).map { _ in MessageID.make(domain: "manager@riverside.example") }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.hasSuffix("@riverside.example") })
    }
}
