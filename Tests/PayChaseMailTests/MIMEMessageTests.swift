import PayChaseMail
import Testing

struct MIMEMessageTests {
    func parse(_ text: String) -> MIMEMessage { MIMEMessage(parsing: Array(text.utf8)) }

    @Test func crlfAndLFReadAlike() {
        let lf = "Subject: Hello\nX-Folded: one\n\ttwo\n  three\n\nBody line 1\nBody line 2\n"
        let crlf = parse(lf.replacing("\n", with: "\r\n"))
        let plain = parse(lf)
        #expect(plain.header.fields == crlf.header.fields)
        #expect(plain.header["x-folded"] == "one\ttwo  three")
        #expect(plain.text == "Body line 1\nBody line 2\n")
        #expect(crlf.text == "Body line 1\r\nBody line 2\r\n")
    }

    @Test func keepsRawValuesAndDecodesEncodedWords() {
        let message = parse(
            """
            Subject: =?utf-8?B?44OQ44Km44Oz44K544Oh44O844Or44Gu44OG44K544OIKOaXpQ==?=
             =?utf-8?B?5pys6KqeKQ==?=
            From: =?iso-8859-1?Q?Jos=E9_Garc=EDa?= <jose@example.org>
            X-Mixed: Paid =?utf-8?Q?=C2=A35?= today

            """
        )
        #expect(message.header["Subject"]?.hasPrefix("=?utf-8?B?") == true)
        #expect(message.header.decoded("Subject") == "バウンスメールのテスト(日本語)")
        #expect(message.header.decoded("From") == "José García <jose@example.org>")
        #expect(message.header.decoded("X-Mixed") == "Paid £5 today")
    }

    @Test func skipsAnMboxEnvelopeLine() {
        let message = parse("From MAILER-DAEMON Mon 1 Jan 2015 00:00:00 +0900\nSubject: x\n\nbody")
        #expect(message.header["Subject"] == "x")
        #expect(message.text == "body")
    }

    @Test func splitsMultipartsAndDropsPreambleAndEpilogue() {
        let message = parse(
            """
            Content-Type: multipart/mixed; boundary="b1"

            preamble
            --b1
            Content-Type: text/plain

            first
            --b1 \t
            Content-Type: multipart/alternative; boundary=b2

            --b2

            inner
            --b2--
            --b1--
            epilogue
            """
        )
        #expect(message.parts.count == 2)
        #expect(message.parts.first?.text == "first")
        #expect(message.parts.last?.parts.first?.text == "inner")
        #expect(message.partTree.count == 4)
    }

    @Test func toleratesAMissingFinalBoundary() {
        let message = parse("Content-Type: multipart/mixed; boundary=x\n\n--x\n\none\n--x\n\ntwo\n")
        #expect(message.parts.map(\.text) == ["one", "two\n"])
    }

    @Test func decodesTransferEncodingsAndCharsets() {
        let message = parse(
            """
            Content-Type: multipart/mixed; boundary=x

            --x
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            wqM1IHBhaWQ=
            --x
            Content-Type: text/plain; charset="ISO-8859-1"
            Content-Transfer-Encoding: quoted-printable

            Caf=E9 =
            au lait=3D
            --x
            Content-Type: text/plain; charset=windows-1252
            Content-Transfer-Encoding: quoted-printable

            =93quoted=94 =80
            --x
            Content-Type: text/plain; charset=koi8-r
            Content-Transfer-Encoding: 8bit

            plain ascii
            --x--
            """
        )
        #expect(message.parts.map(\.text) == ["£5 paid", "Café au lait=", "\u{201C}quoted\u{201D} €", "plain ascii"])
    }

    @Test func readsReturnedMessagesAndHeaders() throws {
        let message = parse(
            """
            Content-Type: multipart/report; report-type=delivery-status; boundary=x

            --x
            Content-Type: message/rfc822

            Message-ID: <a@example.org>
            Subject: original

            text
            --x
            Content-Type: text/rfc822-headers

            Message-ID: <b@example.org>
            --x--
            """
        )
        guard case .message(let returned) = message.parts.first?.content else {
            Issue.record("no returned message")
            return
        }
        #expect(returned.header["Message-ID"] == "<a@example.org>")
        #expect(returned.text == "text")
        guard case .headers(let headers) = message.parts.last?.content else {
            Issue.record("no returned headers")
            return
        }
        #expect(headers["message-id"] == "<b@example.org>")
    }

    @Test func parameterParsingHandlesQuotesCaseAndRFC2231() {
        let type = ContentType(parsing: #"Multipart/Report; Report-Type=delivery-status; boundary="a;b \"c\"";  name*=utf-8''%C2%A3.txt"#)
        #expect(type.mediaType == "multipart/report")
        #expect(type[parameter: "report-type"] == "delivery-status")
        #expect(type[parameter: "boundary"] == #"a;b "c""#)
        #expect(type[parameter: "name"] == "£.txt")
        #expect(ContentType(parsing: "garbage").mediaType == "text/plain")
    }
}

extension MIMEMessageTests {
    @Test func attachmentsCanBeLeftEncodedWhileTextIsDecoded() {
        let bytes = Array(
            "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--x\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--x--\r\n"
                .utf8
        )
        let decoded = MIMEMessage(parsing: bytes)
        #expect(decoded.parts.map { String(decoding: $0.bodyBytes, as: UTF8.self) } == ["hello", "%PDF-"])
        let lazy = MIMEMessage(parsing: bytes, limits: .init(decodesOpaqueParts: false))
        #expect(lazy.parts.map { String(decoding: $0.bodyBytes, as: UTF8.self).trimmingCharacters(in: .newlines) } == ["hello", "JVBERi0="])
    }
}
