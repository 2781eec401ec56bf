import Foundation
import PayChaseTestSupport
import Testing

/// Every page as JSON under /api, from the same typed results.
struct APITests {
    @Test func statusIsExactlyWhatTheCommandLinePrints() async throws {
        let fixture = try WebFixture()
        let command = try fixture.folder.paychase("status", "--json", "--as-of", "2026-11-22")
        try await fixture.test { browser in
            let api = try await browser.get("/api/status")
            #expect(api.status == .ok)
            #expect(api.headers[.contentType] == "application/json; charset=utf-8")
            #expect(api.body == command.stdout)
        }
    }

    @Test func dashboardClaimsAndOneClaim() async throws {
        try await WebFixture().test { browser in
            let dashboard = try await browser.get("/api/dashboard").json()
            #expect(dashboard["as_of"] as? String == "2026-11-22")
            #expect(
                (dashboard["aged_debt"] as? [[String: Any]])?.map { $0["label"] as? String } == [
                    "not yet due", "1–30 days", "31–60 days", "61–90 days", "91–180 days", "over 180 days",
                ],
                "the report's age bands"
            )
            #expect((dashboard["todays_actions"] as? [[String: Any]])?.isEmpty == false)
            #expect((dashboard["outstanding"] as? [String: Any])?["text"] as? String != nil)

            let claims = try await browser.get("/api/claims?next=send&sort=claim").json()
            let ids = (claims["claims"] as? [[String: Any]])?.compactMap { $0["claim_id"] as? String } ?? []
            #expect(!ids.isEmpty && ids == ids.sorted())

            let claim = try await browser.get("/api/claims/Q-2026-001").json()
            #expect((claim["claim"] as? [String: Any])?["reference"] as? String == "CQRS-88123")
            #expect((claim["status"] as? [String: Any])?["claim_id"] as? String == "Q-2026-001")
            #expect((claim["timeline"] as? [Any])?.isEmpty == true)
            let next = try #require(claim["next_document"] as? [String: Any])
            #expect((next["email_text"] as? String)?.contains("Q-2026-001") == true || next["letter_url"] != nil)
        }
    }

    @Test func queueAndRecord() async throws {
        try await WebFixture().test { browser in
            let queue = try await browser.get("/api/queue")
            let waiting = try JSONSerialization.jsonObject(with: Data(queue.body.utf8)) as? [Any]
            #expect(waiting?.isEmpty == true, "nothing is queued: \(queue.body)")
            let record = try await browser.get("/api/record").json()
            #expect(record["verified"] as? Bool == true)
            #expect(record["entries"] as? Int == 0)
        }
    }

    @Test func aWrongQueryIsA400WithTheProblemInJSON() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.get("/api/claims?paymaster=ccg-of-old")
            #expect(page.status == .badRequest)
            let error = try #require(try page.json()["error"] as? [String: Any])
            #expect(error["status"] as? Int == 400)
            #expect((error["problems"] as? [String])?.first == "paymaster: 'ccg-of-old' is not one of icb, nhs-england, local-authority")
            let missing = try await browser.get("/api/claims/NO-SUCH")
            #expect(missing.status == .notFound)
        }
    }
}
