import PayChaseMail
import Testing

struct QuotedPrintableTests {
    func encoded(_ text: String) -> String { String(decoding: QuotedPrintable.encode(text), as: UTF8.self) }

    @Test func escapesEqualsNonASCIIAndTrailingSpace() {
        #expect(encoded("a=b") == "a=3Db")
        #expect(encoded("£5") == "=C2=A35")
        #expect(encoded("end \nnext\t") == "end=20\r\nnext=09")
    }

    @Test func softBreaksKeepLinesAt76() {
        let line = encoded(String(repeating: "x", count: 200))
        let lines = line.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines.map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 }.joined() == String(repeating: "x", count: 200))
    }

    @Test func neverSplitsAnEscape() {
        let text = encoded(String(repeating: "é", count: 50))
        for line in text.components(separatedBy: "\r\n") {
            let body = line.hasSuffix("=") ? String(line.dropLast()) : line
            #expect(body.count % 3 == 0, "escape split across lines: \(line)")
        }
    }
}
