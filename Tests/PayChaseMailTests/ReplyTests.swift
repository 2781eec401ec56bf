import PayChaseMail
import Testing

/// Replies: a person's answer matches the message it answers; an out-of-office names it too,
/// but says it is automatic.
struct ReplyTests {
    static let ours = "20261122T224058123-0000-Q-1@riverside.example"
    static let earlier = "20261101T090000000-0000-Q-7@riverside.example"
    static let quotedInBody = "20261001T090000000-0000-Q-3@riverside.example"

    @Test func humanReplyMatchesByInReplyTo() throws {
        let mail = try MailFixture.read("replies/human-reply.eml")
        #expect(mail.kind == .humanReply)
        #expect(mail.match([Self.ours, Self.earlier]) == MatchCandidate(messageID: Self.ours, source: .inReplyTo))
        // References newest first: the message replied to comes before the earlier one.
        #expect(mail.candidates.filter { $0.source == .references }.map(\.messageID) == [Self.ours, Self.earlier])
        #expect(mail.match([Self.earlier]) == MatchCandidate(messageID: Self.earlier, source: .references))
    }

    @Test func bodyAndSubjectNeverMatch() throws {
        let mail = try MailFixture.read("replies/human-reply.eml")
        #expect(mail.matches([Self.quotedInBody]) == nil)
        #expect(!mail.candidates.contains { $0.messageID == Self.quotedInBody })
        let subjectOnly = ReturnedMailReader.read(Array("Subject: Re: <\(Self.ours)>\n\nAbout <\(Self.ours)>\n".utf8))
        #expect(subjectOnly.kind == .other)
        #expect(subjectOnly.candidates.isEmpty)
    }

    @Test func exchangeOutOfOfficeIsAutomaticButMatched() throws {
        let mail = try MailFixture.read("replies/exchange-out-of-office.eml")
        #expect(mail.kind == .automaticReply)
        #expect(mail.match([Self.ours]) == MatchCandidate(messageID: Self.ours, source: .inReplyTo))
    }

    @Test func gmailVacationReplyIsAutomatic() throws {
        let mail = try MailFixture.read("replies/gmail-vacation.eml")
        #expect(mail.kind == .automaticReply)
        #expect(mail.matches([Self.ours]) == Self.ours)
    }

    @Test func outOfOfficeSubjectsWithoutHeadersAreAutomatic() {
        for subject in ["Automatic reply: Invoice", "Out of Office: Invoice", "AutoReply: Invoice", "Auto: Invoice"] {
            let mail = ReturnedMailReader.read(Array("Subject: \(subject)\nIn-Reply-To: <\(Self.ours)>\n\nAway.\n".utf8))
            #expect(mail.kind == .automaticReply, "\(subject)")
        }
        let person = ReturnedMailReader.read(Array("Subject: Re: out of office next week\nIn-Reply-To: <\(Self.ours)>\n\nHi\n".utf8))
        #expect(person.kind == .humanReply)
        let declined = ReturnedMailReader.read(Array("Subject: Re: Invoice\nAuto-Submitted: no\nIn-Reply-To: <\(Self.ours)>\n\nHi\n".utf8))
        #expect(declined.kind == .humanReply)
    }
}
