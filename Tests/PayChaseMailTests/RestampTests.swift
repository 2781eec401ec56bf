import PayChaseMail
import Testing

/// Writing a new value into one header field as a message is handed over: the field is folded as
/// the composer folds it and no other byte moves.
struct RestampTests {
    static let message = Array(
        ("From: Riverside <manager@riverside.example>\r\n"
            + "X-PayChase-Record: entries=0\r\n sha256=\(String(repeating: "0", count: 64))\r\n"
            + "Subject: Payment query\r\n\r\nBody line\r\nX-PayChase-Record: not a header\r\n").utf8
    )

    @Test func theFieldIsReplacedFoldedAndEverythingElseIsKept() {
        let hash = String(repeating: "a", count: 64)
        let stamped = String(
            decoding: MailComposer.restamp(Self.message, field: "X-PayChase-Record", value: "entries=12 sha256=\(hash)"),
            as: UTF8.self
        )
        #expect(
            stamped == "From: Riverside <manager@riverside.example>\r\n"
                + "X-PayChase-Record: entries=12\r\n sha256=\(hash)\r\n"
                + "Subject: Payment query\r\n\r\nBody line\r\nX-PayChase-Record: not a header\r\n"
        )
    }

    @Test func aMessageWithoutTheFieldIsLeftAsItIs() {
        let plain = Array("From: a@b.example\r\nSubject: x\r\n\r\nX-PayChase-Record: in the body\r\n".utf8)
        #expect(MailComposer.restamp(plain, field: "X-PayChase-Record", value: "entries=1 sha256=x") == plain)
    }
}
