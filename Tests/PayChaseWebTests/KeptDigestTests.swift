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
        // Files changed within a second of being stamped are not trusted to a kept digest.
        try await Task.sleep(for: .seconds(2.1))

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
        try kept.replacingOccurrences(of: "\"name\":\"\(name)\"", with: "\"name\":\"Kept Copy Surgery\"").write(
            toFile: keptPath(hillside),
            atomically: true,
            encoding: .utf8
        )
        let second = try await Self.serve(fixture)
        #expect(second.made.contains("\"made again\": 0") && second.made.contains("\"read as kept\": 2"), "\(second.made)")
        #expect(second.page.contains("Kept Copy Surgery"))
        #expect(second.page.contains("id=\"owed\">£17,330.12</strong>"))

        // A changed claims file, or a kept digest of another format, is made again from the files.
        let claims = try String(contentsOfFile: riverside.workspace.claimsPath, encoding: .utf8)
        try claims.replacingOccurrences(of: "Q-2026-001,", with: "Q-2026-001-B,").write(
            toFile: riverside.workspace.claimsPath,
            atomically: true,
            encoding: .utf8
        )
        let marked = try String(contentsOfFile: keptPath(hillside), encoding: .utf8)
        try marked.replacingOccurrences(of: "\"format\":1", with: "\"format\":0").write(toFile: keptPath(hillside), atomically: true, encoding: .utf8)
        let third = try await Self.serve(fixture)
        #expect(third.made.contains("\"made again\": 2") && third.made.contains("\"read as kept\": 0"), "\(third.made)")
        #expect(!third.page.contains("Kept Copy Surgery"))
        #expect(third.page.contains("href=\"/practices/riverside/claims/Q-2026-001-B\""))

        // A damaged kept digest is made again too.
        try await Task.sleep(for: .seconds(2.1))
        _ = try await Self.serve(fixture)
        try "{\"format\":1,".write(toFile: keptPath(riverside), atomically: true, encoding: .utf8)
        let fourth = try await Self.serve(fixture)
        #expect(fourth.made.contains("\"made again\": 1") && fourth.made.contains("\"read as kept\": 1"), "\(fourth.made)")
        #expect(fourth.page.contains("href=\"/practices/riverside/claims/Q-2026-001-B\""))
    }

    /// A digest made from files that had only just changed is not kept: the first request once
    /// they have settled makes it again, and keeps that one.
    @Test func aDigestOfFilesThatHadJustChangedIsMadeAgainOnceTheyHaveSettled() async throws {
        let fixture = try SeveralPracticesTests().fixture()
        let lines = LogLines()
        let logger = Logger(label: "paychase.test") { _ in LogLines.Handler(lines: lines) }
        let made: @Sendable () -> [String] = { lines.all.filter { $0.hasPrefix("combined dashboard made") } }
        for practice in fixture.configuration.practices {
            try FileManager.default.createDirectory(atPath: practice.workspace.outbox.root, withIntermediateDirectories: true)
        }
        let kept = fixture.configuration.practices.map { "\($0.workspace.outbox.root)/web/digest.json" }
        try await PayChaseServer.application(fixture.configuration, logger: logger).application.test(.router) { client in
            var browser = Browser(client: client)
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: fixture.configuration.practices[0].workspace.claimsPath)
            #expect(try await browser.get("/").body.contains("id=\"owed\">£17,330.12</strong>"))
            #expect(made().count == 1 && made().last?.contains("\"made again\": 2") == true, "\(made())")
            #expect(!FileManager.default.fileExists(atPath: kept[0]), "not kept while its claims had only just changed")

            try await Task.sleep(for: .seconds(2.1))
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
