import Foundation
import Hummingbird
import PayChaseTestSupport
import PayChaseWeb
import Testing

/// Logins, CSRF, headers, limits and form values checked as the command line checks them.
struct SecurityTests {
    @Test func everyResponseCarriesTheSecurityHeadersErrorsToo() async throws {
        try await WebFixture().test { browser in
            for path in ["/", "/api/status", "/no/such/page"] {
                let page = try await browser.get(path)
                let policy = try #require(page.headers[.contentSecurityPolicy])
                #expect(policy.hasPrefix("default-src 'none'; style-src 'sha256-"), "\(path)")
                #expect(policy.contains("form-action 'self'") && policy.contains("frame-ancestors 'none'"))
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(page.headers[.init("X-Frame-Options")!] == "DENY")
                #expect(page.headers[.cacheControl] == "no-store")
                #expect(page.headers[.strictTransportSecurity] == nil, "HSTS only behind TLS")
            }
        }
    }

    @Test func aPostWithoutTheCSRFTokenIsRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            _ = try await browser.get("/claims/Q-2026-001")
            let missing = try await browser.post("/claims/Q-2026-001/payment", [("amount", "100.00")])
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("this form has no valid CSRF token"))
            let wrong = try await browser.post("/claims/Q-2026-001/payment", [("csrf", String(repeating: "0", count: 64)), ("amount", "100.00")])
            #expect(wrong.status == .forbidden)
            let token = try await browser.get("/claims/Q-2026-001").csrf!
            let script = try await browser.send(
                "/claims/Q-2026-001/payment",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .init("X-CSRF-Token")!: token],
                body: ByteBuffer(string: "amount=1.00")
            )
            #expect(script.status == .seeOther, "a script may send the token as a header")
            var stranger = Browser(client: browser.client)
            let noSession = try await stranger.post("/claims/Q-2026-001/payment", [("csrf", "x"), ("amount", "100.00")])
            #expect(noSession.status == .forbidden)
        }
        let entries = try fixture.folder.read("Outbox/deliveries.jsonl").split(separator: "\n")
        #expect(entries.count == 1, "only the payment with the token was recorded")
    }

    @Test func aPaymentIsRecordedAndSaysWhatItDid() async throws {
        try await WebFixture().test { browser in
            let page = try await browser.get("/claims/Q-2026-001")
            let done = try await browser.post(
                "/claims/Q-2026-001/payment",
                [("csrf", page.csrf!), ("amount", "£1,000.00"), ("on", "20/11/2026"), ("ref", "REM-1")]
            )
            #expect(done.status == .seeOther)
            #expect(done.location == "/claims/Q-2026-001")
            let after = try await browser.get("/claims/Q-2026-001")
            #expect(after.body.contains("id=\"flash\""))
            #expect(after.text.contains("Recorded £1,000.00 received for Q-2026-001 on 20 November 2026; £2,480.00 outstanding."))
            #expect(after.body.contains("id=\"outstanding\">£2,480.00</strong>"))
            #expect(after.body.contains("class=\"event-payment\""))
            let again = try await browser.get("/claims/Q-2026-001")
            #expect(!again.body.contains("id=\"flash\""), "said once")
        }
    }

    @Test func formValuesAreCheckedAsTheCommandLineChecksThem() async throws {
        let fixture = try WebFixture()
        try await fixture.test { browser in
            let csrf = try await browser.get("/claims/Q-2026-001").csrf!
            let injected = try await browser.post(
                "/claims/Q-2026-001/payment",
                [("csrf", csrf), ("amount", "10.00"), ("ref", "R1\r\nBcc: thief@example.com")]
            )
            #expect(injected.status == .badRequest)
            #expect(injected.text.contains("Reference: contains a line break or control character; it must be one line"))
            let tracking = try await browser.post("/claims/Q-2026-001/posting", [("csrf", csrf), ("template", "appeal"), ("tracking", "AB1\nX")])
            #expect(tracking.status == .badRequest)
            let pence = try await browser.post("/claims/Q-2026-001/payment", [("csrf", csrf), ("amount", "12.345")])
            #expect(pence.status == .badRequest)
            #expect(pence.text.contains("Amount: '12.345' has more than two decimal places; amounts are exact pence"))
            // NHS.UK's error summary: "There is a problem", the problem linking to its field.
            #expect(pence.body.contains("<h2 id=\"error-summary-title\">There is a problem</h2>"))
            #expect(pence.body.contains("<a href=\"/claims/Q-2026-001#payment-amount\">Amount: "))
            let date = try await browser.post("/claims/Q-2026-001/payment", [("csrf", csrf), ("amount", "1.00"), ("on", "31/02/2026")])
            #expect(date.text.contains("Received on: '31/02/2026' is not a real date"))
            let unknown = try await browser.post("/claims/NOT-A-CLAIM/payment", [("csrf", csrf), ("amount", "1.00")])
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("claim 'NOT-A-CLAIM' is not in"))
            let template = try await browser.post("/claims/Q-2026-001/draft", [("csrf", csrf), ("template", "no-such")])
            #expect(template.status == .badRequest)
            #expect(template.text.contains("there is no template called 'no-such'"))
        }
        #expect(!fixture.folder.exists("Outbox/deliveries.jsonl"), "nothing was recorded")
    }

    @Test func aFormOrUploadTooLargeIsRefusedWith413() async throws {
        var fixture = try WebFixture()
        fixture.configuration.maxUploadBytes = 2048
        let before = try fixture.folder.read("claims.csv")
        try await fixture.test { browser in
            let csrf = try await browser.get("/import").csrf!
            let big = try await browser.upload("/import", csrf: csrf, file: before + String(repeating: "x", count: 4096))
            #expect(big.status == .contentTooLarge)
            #expect(big.text.contains("the file is larger than 2 KB, the most PayChase accepts for a claims file; nothing was replaced"))
            let form = try await browser.post(
                "/claims/Q-2026-001/payment",
                [("csrf", csrf), ("amount", "1.00"), ("ref", String(repeating: "r", count: 70_000))]
            )
            #expect(form.status == .contentTooLarge)
        }
        #expect(try fixture.folder.read("claims.csv") == before)
    }

    @Test func withUsersEveryPageNeedsALoginOnLoopbackToo() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("jane", password: "correct horse battery")
        try await fixture.test { browser in
            let page = try await browser.get("/claims?sort=claim")
            #expect(page.status == .seeOther)
            #expect(page.location == "/login?next=/claims%3Fsort%3Dclaim")
            let api = try await browser.get("/api/status")
            #expect(api.status == .unauthorized)
            #expect(api.text.contains("log in first"))

            let login = try await browser.get("/login?next=/claims")
            #expect(login.body.contains("<form name=\"login\""))
            let wrong = try await browser.post(
                "/login",
                [("csrf", login.csrf!), ("name", "jane"), ("password", "wrong password!"), ("next", "/claims")]
            )
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("that name and password do not match a PayChase user"))
            let right = try await browser.post(
                "/login",
                [("csrf", login.csrf!), ("name", "jane"), ("password", "correct horse battery"), ("next", "/claims")]
            )
            #expect(right.status == .seeOther)
            #expect(right.location == "/claims")
            let cookie = try #require(browser.lastSetCookie)
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            let claims = try await browser.get("/claims")
            #expect(claims.status == .ok)
            #expect(claims.body.contains("<form name=\"logout\""))
            _ = try await browser.post("/logout", [("csrf", claims.csrf!)])
            let after = try await browser.get("/")
            #expect(after.status == .seeOther)
        }
    }

    @Test func aLoginGoesOnlyToAPageOfThisSite() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("jane", password: "correct horse battery")
        try await fixture.test { browser in
            let login = try await browser.get("/login")
            let away = try await browser.post(
                "/login",
                [("csrf", login.csrf!), ("name", "jane"), ("password", "correct horse battery"), ("next", "//evil.example/")]
            )
            #expect(away.location == "/")
        }
    }

    @Test func offLoopbackItWillNotStartWithoutUsers() async throws {
        let fixture = try WebFixture(listen: "0.0.0.0:8080")
        await #expect(throws: WebSetupError.self) { _ = try await fixture.application() }
        try fixture.addUser("jane", password: "correct horse battery")
        try await fixture.test { browser in
            let page = try await browser.get("/")
            #expect(page.status == .seeOther)
        }
    }

    @Test func behindTLSTheSessionCookieIsSecure() async throws {
        try await WebFixture(behindTLS: true).test { browser in
            _ = try await browser.get("/import")
            #expect(browser.lastSetCookie?.contains("Secure") == true)
            let page = try await browser.get("/")
            #expect(page.headers[.strictTransportSecurity] == "max-age=31536000")
        }
    }

    @Test func theListenAddressIsReadAndLoopbackKnown() throws {
        #expect(try ListenAddress.parse("127.0.0.1:0").get() == ListenAddress(host: "127.0.0.1", port: 0))
        #expect(try ListenAddress.parse("[::1]:8080").get().isLoopback)
        #expect(try ListenAddress.parse("localhost:80").get().isLoopback)
        #expect(try !ListenAddress.parse("0.0.0.0:8080").get().isLoopback)
        #expect(try !ListenAddress.parse("192.168.1.4:8080").get().isLoopback)
        #expect(throws: WebSetupError.self) { try ListenAddress.parse("8080").get() }
    }
}

extension Browser {
    /// Signs in as `name` with `password`, as the login form does.
    mutating func signIn(_ name: String, password: String) async throws {
        let login = try await get("/login")
        let done = try await post("/login", [("csrf", login.csrf!), ("name", name), ("password", password), ("next", "/")])
        #expect(done.status == .seeOther && done.location == "/", "\(name) could not sign in: \(done.text)")
    }
}

/// Issue 21.5: every entry made from the web names who made it, in the timeline, the record
/// page and the evidence pack.
struct WhoDidItTests {
    @Test func aPaymentRecordedFromTheWebNamesTheSignedInUser() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("jane", password: "correct horse battery")
        try await fixture.test { browser in
            try await browser.signIn("jane", password: "correct horse battery")
            let claim = try await browser.get("/claims/Q-2026-001")
            _ = try await browser.post("/claims/Q-2026-001/payment", [("csrf", claim.csrf!), ("amount", "10.00"), ("on", "2026-11-20")])
            let after = try await browser.get("/claims/Q-2026-001")
            #expect(after.body.contains("<th scope=\"col\">By</th>"))
            #expect(after.body.contains("received £10.00 on 20 November 2026</td><td>jane</td>"), "\(after.body)")
            let record = try await browser.get("/record")
            #expect(record.body.contains("<td>jane</td></tr>"))
        }
        let log = try fixture.folder.read("Outbox/deliveries.jsonl")
        #expect(log.contains("\"by\":\"jane\""))
        #expect(try fixture.folder.paychase("evidence", "Q-2026-001").status == 0)
        let pack = try Command.run("/usr/bin/pdftotext", ["-layout", fixture.folder.path + "/Outbox/evidence/Q-2026-001/evidence.pdf", "-"]).stdout
        let lines = pack.split(separator: "\n")
        let row = try #require(lines.firstIndex { $0.contains("payment") && $0.contains("received £10.00") }, "\(pack)")
        // The time column, read down from the row: `2026-11-22 12:00:00, by jane` wrapped in it.
        let when = lines[row...].prefix(4).map { String($0.prefix(13)).trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(when.contains("by jane"), "who recorded it is under the row's time: \(when)")
    }
}
