import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseTestSupport
import Testing

/// Every built-in email rendered for an example claim, compared with a reviewed golden file.
/// After a deliberate change to a template, run with UPDATE_GOLDEN=1, then read the diff.
struct GoldenTests {
    static let cases: [(template: String, claim: String, attempts: [Attempt], golden: String)] = [
        ("chase", "D-1", [], "chase"),
        ("chase", "L-2", [Attempt(template: "chase", date: CalendarDate(year: 2013, month: 9, day: 1)!)], "chase-second"),
        ("appeal", "D-1", [Attempt(template: "chase", date: CalendarDate(year: 2013, month: 11, day: 4)!)], "appeal"),
        ("lmc-referral", "L-2", [
            Attempt(template: "chase", date: CalendarDate(year: 2013, month: 9, day: 1)!),
            Attempt(template: "chase", date: CalendarDate(year: 2013, month: 9, day: 16)!),
        ], "lmc-referral"),
        ("late-payment-notice", "D-1", [], "late-payment-notice"),
        ("formal-complaint", "P-3", [], "formal-complaint"),
        ("dispute-resolution", "D-1", [], "dispute-resolution"),
    ]

    @Test(arguments: 0..<cases.count)
    func templateMatchesItsGoldenFile(index: Int) throws {
        let item = Self.cases[index]
        let document = try DocumentFixture.render(item.template, claim: item.claim, attempts: item.attempts)
        var outputs: [(String, String)] = []
        if document.forms.contains(.email) { outputs.append(("\(item.golden).email.txt", document.emailText)) }
        // Letters are checked as printed PDFs in PayChaseLettersTests.
        guard !outputs.isEmpty else { return }
        for (name, text) in outputs {
            let url = DocumentFixture.directory.appendingPathComponent("Golden/\(name)")
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(text == golden, "\(name) differs from its golden file")
        }
    }

    @Test func everyBuiltInTemplateHasAGoldenCase() {
        #expect(Set(Self.cases.map(\.template)) == Set(DocumentName.all))
        #expect(DocumentFixture.builtins.problems.isEmpty)
        #expect(DocumentFixture.builtins.names == DocumentName.all)
    }
}
