import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseTestSupport
import Testing

/// Each built-in letter, printed to PDF and read back with pdftotext, compared with a reviewed
/// golden file. After a deliberate change, run with UPDATE_GOLDEN=1 and read the diff.
struct LetterGoldenTests {
    static let cases = [
        ("appeal", "Q-2026-001"), ("late-payment-notice", "D-2026-014"), ("local-resolution", "D-2026-014"),
        ("payment-acknowledgement", "D-2026-020"), ("partners-decision", "Q-2026-001"),
        ("formal-complaint", "D-2026-014"), ("dispute-resolution", "Q-2026-001"), ("letter-before-claim", "P-2026-003"),
    ]

    @Test(arguments: cases)
    func letterMatchesItsGoldenText(template: String, claim: String) throws {
        var profile = LetterFixture.profile
        profile.disputeResolution = Contact(
            name: "Primary Care Appeals (test address)",
            email: "appeals@resolution.example",
            address: ["1 Test Street", "London", "EC1A 1AA"]
        )
        let document = try LetterFixture.document(template, claim: LetterFixture.claim(claim), profile: profile)
        let text = try PDFTools.text(try LetterFixture.pdf(document))
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(template).txt")
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        if text != expected, ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            // Written for review with git diff; the test still fails this run.
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(text == expected)
    }

    @Test func everyLetterTemplateHasAGoldenCase() {
        let letters = LetterFixture.templates.names.filter { LetterFixture.templates[$0]!.isLetter() }
        #expect(Set(Self.cases.map(\.0)) == Set(letters))
    }
}
