import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseInput
import PayChaseTestSupport

enum DocumentFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let asOf = CalendarDate(year: 2014, month: 1, day: 20)!

    static func path(_ name: String) -> String { directory.appendingPathComponent("Fixtures/\(name)").path }

    static let profile = try! ProfileLoader().load(path: path("profile.yaml"))
    static let claims = try! ClaimsLoader(profile: profile).load(path: path("claims.csv"))
    static let builtins = TemplateLibrary(builtins: TestPaths.templates.path, overrides: nil)

    static func claim(_ id: String) -> Claim { claims.first { $0.id == id }! }

    static func render(_ template: String, claim id: String, attempts: [Attempt] = []) throws -> RenderedDocument {
        let context = DocumentContext(claim: claim(id), profile: profile, attempts: attempts, today: asOf)
        return try DocumentRenderer().render(builtins[template]!, context: context)
    }

    /// Writes a template to a temporary file and parses it.
    static func template(_ text: String, name: String = "custom") throws(TemplateError) -> DocumentTemplate {
        try DocumentTemplate(name: name, file: "\(name).mustache", text: text)
    }
}
