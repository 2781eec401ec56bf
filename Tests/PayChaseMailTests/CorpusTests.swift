import Foundation
import PayChaseMail
import Testing

/// The 158 real bounces, delivery reports and automatic replies in `shared/corpus/bounces`,
/// from Postfix, Sendmail, Exim, qmail, Exchange, Office 365, Gmail, SES and others.
struct CorpusTests {
    /// What each is, by the file's name: abuse reports (`arf-`) and two notices that are no
    /// bounce are something else, automatic replies are automatic, the rest report delivery.
    static func expectedKind(_ name: String) -> String {
        if name.hasPrefix("arf-") { return "other" }
        if name.hasPrefix("rfc3834-") { return "automatic reply" }
        // Amazon SES's JSON notice that a message *was* delivered: no report, no bounce.
        if name == "lhost-amazonses-12.eml" { return "other" }
        return "delivery status"
    }

    static func kind(_ mail: ReturnedMail) -> String {
        switch mail.kind {
        case .readReceipt: "read receipt"
        case .deliveryStatus: "delivery status"
        case .automaticReply: "automatic reply"
        case .humanReply: "reply"
        case .other: "other"
        }
    }

    @Test func everyMessageIsReadAndClassified() throws {
        let names = try MailFixture.corpusNames()
        #expect(names.count == 158)
        var wrong: [String] = []
        for name in names {
            let mail = ReturnedMailReader.read(try MailFixture.corpusBytes(name))
            if Self.kind(mail) != Self.expectedKind(name) { wrong.append("\(name): \(Self.kind(mail))") }
            if case .deliveryStatus(_, let recipients) = mail.kind {
                #expect(!recipients.isEmpty && recipients.allSatisfy { $0.action != nil }, "\(name) says what happened for whom")
            }
        }
        #expect(wrong.isEmpty, "classified unlike its name: \(wrong)")
    }

    @Test func theyMatchNoPayChaseMessageUnlessTheirHeadersNameOne() throws {
        let sent: Set<String> = ["pc.tpdvcd.rpjynatvrmr7zd0lq6meozrh@riverside.example", "Q-2026-001.20261122T224058123@riverside.example"]
        var rewritten = 0
        for name in try MailFixture.corpusNames() {
            let bytes = try MailFixture.corpusBytes(name)
            let mail = ReturnedMailReader.read(bytes)
            #expect(mail.matches(sent) == nil, "\(name) names no PayChase message")
            // Where it names a message by a header, naming ours there instead makes it match.
            guard let named = mail.candidates.first else { continue }
            let ours = "pc.rewritten.\(rewritten)@riverside.example"
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: named.messageID, with: ours)
            let again = ReturnedMailReader.read(Array(text.utf8))
            #expect(again.matches([ours]) == ours, "\(name) matches once its \(named.source) names our message")
            #expect(Self.kind(again) == Self.kind(mail), "\(name) is read the same way")
            rewritten += 1
        }
        #expect(rewritten >= 90, "most of the corpus names the message it is about")
    }
}
