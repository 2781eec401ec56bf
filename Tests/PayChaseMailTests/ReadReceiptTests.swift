import PayChaseMail
import Testing

/// Read receipts (RFC 8098) as Outlook/Exchange and Thunderbird write them.
struct ReadReceiptTests {
    static let ours = "20261122T224058123-0000-Q-1@riverside.example"
    static let sent: Set<String> = [ours, "20261101T090000000-0000-Q-7@riverside.example"]

    @Test func outlookReadReceipt() throws {
        let mail = try MailFixture.read("receipts/outlook-read.eml")
        #expect(mail.kind == .readReceipt(disposition: "displayed", mode: .automatic))
        #expect(mail.match(Self.sent) == MatchCandidate(messageID: Self.ours, source: .originalMessageID))
        let notification = try #require(mail.dispositionNotification)
        #expect(notification.finalRecipient == "ap@northwell-icb.example")
        #expect(notification.reportingUA?.contains("Microsoft Exchange") == true)
        #expect(!notification.sentManually)
        #expect(mail.subject == "Read: Invoice RMC-2026-0142 is overdue: £1,240.00")
        #expect(mail.from == "Accounts Payable <ap@northwell-icb.example>")
    }

    @Test func outlookDeletedWithoutReadingCarriesTheOriginalHeaders() throws {
        let mail = try MailFixture.read("receipts/outlook-not-read.eml")
        #expect(mail.kind == .readReceipt(disposition: "deleted", mode: .manual))
        #expect(
            mail.candidates == [
                MatchCandidate(messageID: Self.ours, source: .originalMessageID),
                MatchCandidate(messageID: Self.ours, source: .returnedHeaders),
            ]
        )
    }

    @Test func thunderbirdReadReceipt() throws {
        let mail = try MailFixture.read("receipts/thunderbird-read.eml")
        #expect(mail.kind == .readReceipt(disposition: "displayed", mode: .manual))
        #expect(mail.dispositionNotification?.sentManually == true)
        #expect(mail.dispositionNotification?.reportingUA == "workstation3.eastgate-practice.example; Mozilla Thunderbird")
        #expect(mail.candidates.map(\.source) == [.originalMessageID, .returnedHeaders, .references])
        #expect(mail.matches(Self.sent) == Self.ours)
        #expect(mail.subject == "Return Receipt (displayed) - Invoice RMC-2026-0142 is overdue: £1,240.00")
    }

    @Test func withoutOriginalMessageIDTheReturnedHeadersMatch() throws {
        let text = String(decoding: try MailFixture.bytes("receipts/thunderbird-read.eml"), as: UTF8.self)
        let bytes = Array(text.replacing("Original-Message-ID: <\(Self.ours)>\r\n", with: "").utf8)
        let mail = ReturnedMailReader.read(bytes)
        #expect(mail.kind == .readReceipt(disposition: "displayed", mode: .manual))
        #expect(mail.match(Self.sent) == MatchCandidate(messageID: Self.ours, source: .returnedHeaders))
    }

    @Test func otherDispositionsAndModesAreRead() {
        for (field, disposition, mode) in [
            ("manual-action/MDN-sent-manually; dispatched", "dispatched", DispositionMode.manual),
            ("automatic-action/MDN-sent-automatically; processed/error", "processed", .automatic),
            ("Automatic-Action/MDN-Sent-Automatically ; Deleted", "deleted", .automatic),
            ("nonsense", "", .automatic),
        ] {
            let text = """
                Content-Type: multipart/report; report-type=disposition-notification; boundary=b

                --b
                Content-Type: message/disposition-notification

                Disposition: \(field)
                --b--
                """
            #expect(ReturnedMailReader.read(Array(text.utf8)).kind == .readReceipt(disposition: disposition, mode: mode), "\(field)")
        }
    }
}
