import Foundation
import PayChaseTestSupport
import Testing

/// Uploading a claims file: every problem listed as check prints it, nothing replaced until it is clean.
struct ImportTests {
    static let bad = """
        claim_id,service,category,period,amount,submitted_on
        A-1,Dementia DES,DES,2026/27,12.345,2026-06-01
        A-2,Dementia DES,XYZ,2026/27,100.00,31/02/2026

        """

    @Test func everyProblemIsListedWithItsLineAndNothingIsReplaced() async throws {
        let fixture = try WebFixture()
        let before = try fixture.folder.read("claims.csv")
        let check = try PracticeFolder()
        try check.write("claims.csv", Self.bad)
        let expected = try check.paychase("check").stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("claims.csv:") }
        #expect(expected.count >= 3)
        try await fixture.test { browser in
            let csrf = try await browser.get("/import").csrf!
            let page = try await browser.upload("/import", csrf: csrf, file: Self.bad)
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("id=\"problems\""))
            for line in expected { #expect(page.text.contains("<li>\(line)</li>"), "\(line)") }
        }
        #expect(try fixture.folder.read("claims.csv") == before)
        #expect(!fixture.folder.files(under: ".").contains { $0.contains("backup") })
    }

    @Test func aCleanFileReplacesTheListAndTheOldOneIsKeptBesideIt() async throws {
        let fixture = try WebFixture()
        let before = try fixture.folder.read("claims.csv")
        let good = "claim_id,service,category,period,amount,submitted_on\nN-1,Dementia DES,DES,2026/27,250.00,2026-06-01\n"
        try await fixture.test { browser in
            let csrf = try await browser.get("/import").csrf!
            let done = try await browser.upload("/import", csrf: csrf, file: good)
            #expect(done.status == .seeOther)
            #expect(done.location == "/claims")
            let claims = try await browser.get("/claims")
            #expect(claims.text.contains("Imported 1 claims (£250.00 outstanding) into claims.csv, and the previous one kept as claims.backup-"))
            #expect(claims.body.contains("id=\"claim-N-1\""))
        }
        #expect(try fixture.folder.read("claims.csv") == good)
        let backups = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).filter { $0.hasPrefix("claims.backup-") }
        #expect(backups.count == 1)
        #expect(backups.first?.hasSuffix(".csv") == true)
        #expect(try fixture.folder.read(backups[0]) == before)
    }

    @Test func anUploadWithoutAFileSaysSo() async throws {
        try await WebFixture().test { browser in
            let csrf = try await browser.get("/import").csrf!
            let page = try await browser.upload("/import", csrf: csrf, file: "", named: "claims")
            #expect(page.status == .badRequest)
            #expect(page.text.contains("Claims file: is missing or empty"))
        }
    }
}
