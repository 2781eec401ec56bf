import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseInput
import PayChasePrint
import PayChaseTestSupport

/// The example practice (Examples/), rendered as letters on a fixed date.
enum LetterFixture {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 22)!
    static let profile = try! ProfileLoader().load(path: TestPaths.examples.appendingPathComponent("paychase.yaml").path)
    static let claims = try! ClaimsLoader(profile: profile).load(path: TestPaths.examples.appendingPathComponent("claims.csv").path)
    static let templates = TemplateLibrary(builtins: TestPaths.templates.path, overrides: nil)
    static let rates = try! BankRateReader.load(path: TestPaths.templates.appendingPathComponent("bank-rate.csv").path)

    static func document(_ template: String, claim: Claim, profile: PracticeProfile = profile) throws -> RenderedDocument {
        try DocumentRenderer().render(templates[template]!, context: DocumentContext(claim: claim, profile: profile, today: asOf, rates: rates))
    }

    static func claim(_ id: String) -> Claim { claims.first { $0.id == id }! }

    /// Renders to a PDF file in a temporary folder and returns its path.
    static func pdf(_ document: RenderedDocument) throws -> String {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("\(document.claimID)-\(document.template).pdf").path
        try Data(try LetterPDF.render(document)).write(to: URL(fileURLWithPath: path))
        return path
    }
}
