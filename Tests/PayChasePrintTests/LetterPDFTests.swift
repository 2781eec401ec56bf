import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChasePrint
import PayChaseTestSupport
import Testing

struct LetterPDFTests {
    @Test func aLetterIsA4WithEmbeddedFontsAndEveryFieldAsRealText() throws {
        let path = try LetterFixture.pdf(try LetterFixture.document("appeal", claim: LetterFixture.claim("Q-2026-001")))
        let info = try PDFTools.info(path)
        #expect(info.pageSize == "595.276 x 841.89 pts (A4)")
        #expect(info.pages <= 2)
        #expect(info.title == "Payment query and appeal: QOF achievement, 2025/26")
        let fonts = try PDFTools.fonts(path)
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.embedded }, "every font is embedded: \(fonts)")

        let text = try PDFTools.text(path)
        for field in [
            "Riverside Medical Centre", "1 River Road · London · E1 1AA", "Tel 020 7946 0000", "manager@riverside.example",
            "ODS code F84001", "22 November 2026", "NHS North East London Integrated Care Board", "Unex Tower", "E15 1DA",
            "Our ref: Q-2026-001", "Your ref: CQRS-88123", "Dear Sir or Madam,", "Payment query and appeal: QOF achievement, 2025/26",
            "Amount expected: £12,480.00", "Amount received: £9,000.00", "Amount outstanding: £3,480.00",
            "Date claimed: 30 April 2026", "Evidence submitted on: 30 April 2026", "CQRS or payment reference: CQRS-88123",
            "Yours faithfully,", "Jane Doe", "Practice Manager", "Enc:", "Evidence submitted with the claim",
        ] {
            #expect(text.contains(field), "missing from the PDF text: \(field)")
        }
        if info.pages > 1 { #expect(text.contains("Page 1 of \(info.pages)")) } else { #expect(!text.contains("Page 1 of")) }
    }

    @Test func namesWithAccentsRenderAndReadBack() throws {
        var profile = LetterFixture.profile
        profile.practice.signatory = Signatory(name: "Zoë Łukasz", role: "Practice Manager")
        profile.commissioner.contact.person = "Ms Siobhán Ní Bhriain"
        profile.commissioner.contact.dear = "Ms Ní Bhriain"
        let document = try LetterFixture.document("formal-complaint", claim: LetterFixture.claim("D-2026-014"), profile: profile)
        let text = try PDFTools.text(try LetterFixture.pdf(document))
        #expect(text.contains("Ms Siobhán Ní Bhriain"))
        #expect(text.contains("Dear Ms Ní Bhriain,"))
        #expect(text.contains("Yours sincerely,"), "a named person gets 'Yours sincerely'")
        #expect(text.contains("Zoë Łukasz"))
    }

    @Test func aLongLetterSpansPagesNumberedOnEveryPage() throws {
        var claim = LetterFixture.claim("D-2026-014")
        let unbroken = String(repeating: "EVIDENCEREFERENCE", count: 20)
        claim.evidence =
            (1...150).map { "Register extract for cohort \($0), checked against the practice system;" }.joined(separator: " ") + " " + unbroken
        let path = try LetterFixture.pdf(try LetterFixture.document("appeal", claim: claim))
        let pages = try PDFTools.info(path).pages
        #expect(pages >= 3)
        for page in 1...pages {
            #expect(try PDFTools.text(path, page: page).contains("Page \(page) of \(pages)"), "page \(page) is numbered")
        }
        #expect(try PDFTools.text(path, page: pages).contains("Jane Doe"), "the signature ends the letter")
        let flat = try PDFTools.text(path).filter { !$0.isWhitespace }
        #expect(flat.contains(unbroken), "a long unbroken string wraps instead of being cut")
        try Self.expectNothingOffThePage(path, pages: pages)
    }

    @Test func longEnclosuresAndEvidenceNeverRunOffThePage() throws {
        var claim = LetterFixture.claim("Q-2026-001")
        claim.evidence = (1...119).map { "Sentence \($0) of the evidence submitted with the claim, quoted in full." }.joined(separator: " ")
        let referred = [Attempt(template: "lmc-referral", date: CalendarDate(year: 2026, month: 10, day: 1)!)]
        let document = try DocumentRenderer().render(
            LetterFixture.templates["appeal"]!,
            context: DocumentContext(claim: claim, profile: LetterFixture.profile, attempts: referred, today: LetterFixture.asOf)
        )
        #expect(document.enclosures.allSatisfy { $0.count < 80 }, "enclosures are short titles: \(document.enclosures)")
        let path = try LetterFixture.pdf(document)
        let pages = try PDFTools.info(path).pages
        #expect(pages >= 2)
        try Self.expectNothingOffThePage(path, pages: pages)
        #expect(try PDFTools.text(path, page: pages).contains("Evidence submitted with the claim"))
    }

    /// On every page the body ends above the footer and inside the right margin, and the only
    /// words below it are that page's own "Page N of M".
    static func expectNothingOffThePage(_ path: String, pages: Int) throws {
        let words = try PDFTools.words(path)
        for page in 1...pages {
            let onPage = words.filter { $0.page == page }
            #expect(onPage.count > 20, "page \(page) has text to check")
            let footer = onPage.filter { $0.yMax > 841.89 - 60 }.map(\.text)
            #expect(footer == ["Page", "\(page)", "of", "\(pages)"], "only the page number sits in the footer of page \(page): \(footer)")
            for word in onPage {
                #expect(word.xMax <= 595.28 - 56, "'\(word.text)' on page \(page) runs past the right margin (\(word.xMax))")
                #expect(word.yMax <= 841.89, "'\(word.text)' on page \(page) runs off the paper")
            }
        }
    }
}
