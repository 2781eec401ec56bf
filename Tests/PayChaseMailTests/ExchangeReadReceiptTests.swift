import PayChaseMail
import Testing

/// Exchange Online's read receipts carry no message/disposition-notification part and no
/// Original-Message-ID: a localised "Read:" subject, a base64 text part, X-MSExch-Correlation-Key,
/// and In-Reply-To/References naming the message read.
struct ExchangeReadReceiptTests {
    static let ours = ReadReceiptTests.ours

    @Test(arguments: [
        ("exchange-online-read.eml", "displayed"),
        ("exchange-online-gelesen.eml", "displayed"),
        ("exchange-online-not-read.eml", "deleted"),
    ])
    func readAndNotReadAreReceiptsMatchedByInReplyTo(file: String, disposition: String) throws {
        let mail = try MailFixture.read("receipts/\(file)")
        #expect(mail.kind == .readReceipt(disposition: disposition, mode: .automatic))
        #expect(mail.dispositionNotification == nil)
        #expect(mail.match(ReadReceiptTests.sent) == MatchCandidate(messageID: Self.ours, source: .inReplyTo))
    }

    @Test func aPersonsReplyFromExchangeIsStillAReply() throws {
        let mail = try MailFixture.read("receipts/exchange-online-reply.eml")
        #expect(mail.kind == .humanReply)
    }

    /// The subject alone never makes a receipt: without Exchange's own header it is a person writing "Read:".
    @Test func aReadSubjectWithoutExchangesHeaderIsAReply() throws {
        let mail = try MailFixture.read("receipts/person-subject-read-no-exchange-key.eml")
        #expect(mail.kind == .humanReply)
    }

    /// A receipt naming no message of ours is not matched, whatever its subject says.
    @Test func aReceiptNamingAnotherMessageMatchesNothing() throws {
        let mail = try MailFixture.read("receipts/exchange-online-read.eml")
        #expect(mail.match(["someone-else@riverside.example"]) == nil)
    }
}
