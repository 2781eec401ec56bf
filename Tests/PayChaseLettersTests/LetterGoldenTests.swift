import Foundation
import PayChaseDocuments
import PayChaseTestSupport
import Testing

/// Each built-in letter, printed to PDF and read back with pdftotext, compared with a reviewed
/// golden file. After a deliberate change, run with UPDATE_GOLDEN=1 and read the diff.
struct LetterGoldenTests {
    static let cases = [
        ("appeal", "Q-2026-001"), ("late-payment-notice", "D-2026-014"),
        ("formal-complaint", "L-2026-007"), ("dispute-resolution", "Q-2026-001"),
    ]

    @Test(arguments: cases)
    func letterMatchesItsGoldenText(template: String, claim: String) throws {
        let path = try LetterFixture.pdf(try LetterFixture.document(template, claim: LetterFixture.claim(claim)))
        let text = try PDFTools.text(path)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(template).txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func everyLetterTemplateHasAGoldenCase() {
        let letters = LetterFixture.templates.names.filter { LetterFixture.templates[$0]!.isLetter() }
        #expect(Set(Self.cases.map(\.0)) == Set(letters))
    }
}
