import Foundation
import HummingbirdTesting
import Logging
import PayChaseTestSupport
import PayChaseWeb
import Synchronization
import Testing

/// Issue 22.1: after a restart the combined dashboard is made from each practice's kept digest
/// (`Outbox/web/digest.json`) where the practice's files are unchanged, and from the files where
/// they are not, or where the kept digest is not this program's.
struct KeptDigestTests {
    @Test func theCombinedDashboardAfterARestartIsMadeFromTheKeptDigestsOfUnchangedPractices() async throws {
        let fixture = try SeveralPracticesTests().fixture()
        let hillside = fixture.configuration.practices.first { $0.slug == "hillside" }!
        let riverside = fixture.configuration.practices.first { $0.slug == "riverside" }!
        let keptPath = { (practice: ServedPractice) in "\(practice.workspace.outbox.root)/web/digest.json" }
        // Kept beside a practice's record: here, a record not yet begun.
        for practice in [hillside, riverside] {
            try FileManager.default.createDirectory(atPath: practice.workspace.outbox.root, withIntermediateDirectories: true)
        }

        let first = try await Self.serve(fixture)
        #expect(first.made.contains("\"made again\": 2") && first.made.contains("\"read as kept\": 0"), "\(first.made)")
        #expect(first.page.contains("id=\"owed\">£17,330.12</strong>"))
        for practice in [hillside, riverside] {
            #expect(FileManager.default.fileExists(atPath: keptPath(practice)), "kept for \(practice.slug)")
            let mode = try FileManager.default.attributesOfItem(atPath: keptPath(practice))[.posixPermissions] as? Int
            #expect(mode == 0o600, "it holds claims: the practice's own")
        }

        // A kept digest is what the page shows when its files are unchanged: here, marked.
        let kept = try String(contentsOfFile: keptPath(hillside), encoding: .utf8)
        let name = try #require(kept.firstMatch(of: /"name":"([^"]+)"/)?.1)
        let marked = kept.replacingOccurrences(of: "\"name\":\"\(name)\"", with: "\"name\":\"Kept Copy Surgery\"")
        let tampered = marked.replacing(/"href":"[^"]*"/, with: "\"href\":\"https:\\/\\/elsewhere.example\\/\"")
        #expect(tampered.contains("elsewhere.example"), "the kept digest holds its actions' links")
        try tampered.write(
            toFile: keptPath(hillside),
            atomically: true,
            encoding: .utf8
        )
        let second = try await Self.serve(fixture)
        #expect(second.made.contains("\"made again\": 0") && second.made.contains("\"read as kept\": 2"), "\(second.made)")
        #expect(second.page.contains("Kept Copy Surgery"))
        #expect(!second.page.contains("elsewhere.example"), "a link is made from the claim, not taken from the file")
        #expect(second.page.contains("href=\"/practices/hillside/claims/Q-2026-001\""))
        #expect(second.page.contains("id=\"owed\">£17,330.12</strong>"))

        // A changed claims file, or a kept digest of another format, is made again from the files.
        let claims = try String(contentsOfFile: riverside.workspace.claimsPath, encoding: .utf8)
        try claims.replacingOccurrences(of: "Q-2026-001,", with: "Q-2026-001-B,").write(
            toFile: riverside.workspace.claimsPath,
            atomically: true,
            encoding: .utf8
        )
        let reread = try String(contentsOfFile: keptPath(hillside), encoding: .utf8)
        try reread.replacingOccurrences(of: "\"format\":1", with: "\"format\":0").write(toFile: keptPath(hillside), atomically: true, encoding: .utf8)
        let third = try await Self.serve(fixture)
        #expect(third.made.contains("\"made again\": 2") && third.made.contains("\"read as kept\": 0"), "\(third.made)")
        #expect(!third.page.contains("Kept Copy Surgery"))
        #expect(third.page.contains("href=\"/practices/riverside/claims/Q-2026-001-B\""))

        // A damaged kept digest is made again too.
        try "{\"format\":1,".write(toFile: keptPath(riverside), atomically: true, encoding: .utf8)
        let fourth = try await Self.serve(fixture)
        #expect(fourth.made.contains("\"made again\": 1") && fourth.made.contains("\"read as kept\": 1"), "\(fourth.made)")
        #expect(fourth.page.contains("href=\"/practices/riverside/claims/Q-2026-001-B\""))
    }

    /// A digest made from files that had only just changed is not kept: the first request once
    /// they have settled makes it again, and keeps that one.
    @Test func aDigestOfFilesThatHadJustChangedIsMadeAgainOnceTheyHaveSettled() async throws {
        var fixture = try SeveralPracticesTests().fixture()
        // The service's clock, as the files' times are compared with: first a minute before the
        // files were written, then a minute after.
        let clock = SettableClock(Int(Date().timeIntervalSince1970) - 60)
        fixture.configuration.fileClock = { clock.second }
        let lines = LogLines()
        let logger = Logger(label: "paychase.test") { _ in LogLines.Handler(lines: lines) }
        let made: @Sendable () -> [String] = { lines.all.filter { $0.hasPrefix("combined dashboard made") } }
        for practice in fixture.configuration.practices {
            try FileManager.default.createDirectory(atPath: practice.workspace.outbox.root, withIntermediateDirectories: true)
        }
        let kept = fixture.configuration.practices.map { "\($0.workspace.outbox.root)/web/digest.json" }
        try await PayChaseServer.application(fixture.configuration, logger: logger).application.test(.router) { client in
            var browser = Browser(client: client)
            #expect(try await browser.get("/").body.contains("id=\"owed\">£17,330.12</strong>"))
            #expect(made().count == 1 && made().last?.contains("\"made again\": 2") == true, "\(made())")
            #expect(!kept.contains { FileManager.default.fileExists(atPath: $0) }, "not kept while the claims had only just changed")

            clock.second = Int(Date().timeIntervalSince1970) + 60
            #expect(try await browser.get("/").body.contains("id=\"owed\">£17,330.12</strong>"))
            #expect(made().count == 2 && made().last?.contains("\"made again\": 2") == true, "made again once settled: \(made())")
            #expect(kept.allSatisfy { FileManager.default.fileExists(atPath: $0) }, "and kept")
            _ = try await browser.get("/")
            #expect(made().count == 2, "and then kept in memory: \(made())")
        }
    }

    /// A fresh service over `fixture`'s practices: its combined page and the log line saying how it was made.
    static func serve(_ fixture: WebFixture) async throws -> (page: String, made: String) {
        let lines = LogLines()
        let logger = Logger(label: "paychase.test") { _ in LogLines.Handler(lines: lines) }
        let page = Mutex("")
        try await PayChaseServer.application(fixture.configuration, logger: logger).application.test(.router) { client in
            var browser = Browser(client: client)
            let body = try await browser.get("/").body
            page.withLock { $0 = body }
        }
        return (page.withLock { $0 }, lines.all.filter { $0.hasPrefix("combined dashboard made") }.joined(separator: "\n"))
    }
}

/// A wall clock a test sets, in seconds.
final class SettableClock: Sendable {
    private let value: Mutex<Int>

    init(_ second: Int) { value = Mutex(second) }

    var second: Int {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
