import Foundation
import PayChaseTestSupport
import Testing

/// The service's Mailbox page connects the practice mailbox as `paychase mailbox connect` does:
/// the code shown, the person signing in at the real provider (glewlwyd, in headless Chromium),
/// and the page updating by itself until they have. No token ever reaches a page.
struct MailboxPageTests {
    @Test func theMailboxPageShowsTheCodeAndUpdatesOnceThePersonHasSignedIn() async throws {
        let oauth = try OAuthRig.current()
        let rig = oauth.rig
        let folder = try PracticeFolder()
        var profile = try folder.read("paychase.yaml") + oauth.profileSection()
        profile +=
            "smtp:\n  url: smtp://localhost:\(rig.submissionPort)\n  username: manager@riverside.example\n  auth: oauth\n  ca_file: \(rig.caFile)\n"
        try folder.write("paychase.yaml", profile)
        let fixture = try WebFixture(folder: folder)
        try await fixture.test { browser in
            let before = try await browser.get("/mailbox")
            #expect(before.status == .ok)
            #expect(before.body.contains("<dd id=\"mailbox-connected\">No</dd>"))
            #expect(before.body.contains("id=\"nav-mailbox\""))
            #expect(!before.body.contains("http-equiv=\"refresh\""))

            let started = try await browser.post("/mailbox/connect", [("csrf", try #require(before.csrf))])
            #expect(started.status == .seeOther, "\(started.text)")
            let waiting = try await browser.get("/mailbox")
            #expect(waiting.body.contains("<meta http-equiv=\"refresh\" content=\"5\">"), "the page looks again by itself")
            let code = try #require(Self.between(waiting.body, "<strong id=\"user-code\">", "</strong>"))
            let link = try #require(Self.between(waiting.body, "<p>Open <a href=\"", "\""))
            #expect(link.hasPrefix(oauth.issuer))

            try oauth.approve(url: link, code: code)
            var connected = waiting
            for _ in 0..<60 where !connected.body.contains("<dd id=\"mailbox-connected\">Yes") {
                try await Task.sleep(for: .milliseconds(250))
                connected = try await browser.get("/mailbox")
            }
            #expect(connected.body.contains("<dd id=\"mailbox-connected\">Yes"))
            #expect(!connected.body.contains("http-equiv=\"refresh\""), "nothing more to wait for")
            #expect(connected.body.contains("smtp"))

            let api = try await browser.get("/api/mailbox").json()
            #expect(api["connected"] as? Bool == true)
            #expect(api["sends_as"] as? String == "manager@riverside.example")
            let tokens =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/.paychase-tokens.json")))
                as! [String: Any]
            let apiText = try await browser.get("/api/mailbox").body
            for secret in [tokens["access_token"] as! String, tokens["refresh_token"] as! String] {
                #expect(!connected.body.contains(secret) && !apiText.contains(secret), "no token on a page")
            }

            let gone = try await browser.post("/mailbox/disconnect", [("csrf", try #require(connected.csrf))])
            #expect(gone.status == .seeOther)
            let after = try await browser.get("/mailbox").body
            #expect(after.contains("<dd id=\"mailbox-connected\">No</dd>"))
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/.paychase-tokens.json"))
        }
    }

    @Test func aPostWithoutItsTokenConnectsNothing() async throws {
        let oauth = try OAuthRig.current()
        let folder = try PracticeFolder()
        try folder.write("paychase.yaml", try folder.read("paychase.yaml") + oauth.profileSection())
        try await WebFixture(folder: folder).test { browser in
            _ = try await browser.get("/mailbox")
            let refused = try await browser.post("/mailbox/connect", [])
            #expect(refused.status == .forbidden)
            let page = try await browser.get("/mailbox").body
            #expect(!page.contains("user-code"))
        }
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let from = text.range(of: start), let to = text[from.upperBound...].range(of: end) else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }
}
