import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PayChaseJobs
import PayChaseTestSupport
import PayChaseWeb
import Synchronization
import Testing

/// Issue 21.4 and 21.6: sign-in that survives a restart, limits on failed sign-ins, a proxy's
/// headers believed only from the proxy, and what each role may do.
struct SignInTests {
    static let password = "correct horse battery"

    @Test func aRestartSignsNobodyOutButANewPasswordOrRemovalDoes() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("jane", password: Self.password)
        let cookie = Mutex<String?>(nil)
        try await fixture.test { browser in
            try await browser.signIn("jane", password: Self.password)
            let signedIn = browser.cookie
            cookie.withLock { $0 = signedIn }
        }
        // The sessions file is the owner's alone, and holds no password; a visitor's session
        // (the login form's token) is not written to it.
        let sessions = fixture.configuration.sessionsFile
        let written = try String(contentsOfFile: sessions, encoding: .utf8)
        #expect(written.components(separatedBy: "\"hbs.").count == 2, "one signed-in session, no visitors': \(written)")
        let mode = try FileManager.default.attributesOfItem(atPath: sessions)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!(try String(contentsOfFile: sessions, encoding: .utf8)).contains(Self.password))
        // A new process (a restart, an upgrade) reads the file: still signed in.
        let kept = cookie.withLock { $0 }
        try await fixture.test { browser in
            browser.cookie = kept
            let page = try await browser.get("/claims")
            #expect(page.status == .ok, "signed in after the restart")
        }
        // A new password ends the session; so does being removed.
        try fixture.addUser("jane", password: "another horse battery")
        try await fixture.test { browser in
            browser.cookie = kept
            #expect(try await browser.get("/claims").status == .seeOther, "a new password signs the old session out")
            try await browser.signIn("jane", password: "another horse battery")
            try UserStore(path: fixture.configuration.usersFile).remove("jane")
            try fixture.addUser("john", password: Self.password)
            #expect(try await browser.get("/claims").status == .seeOther, "paychase user remove signs them out")
        }
    }

    @Test func failedSignInsWaitLongerEachTimeAndOnlyTheAdminIsToldItIsLocked() async throws {
        var fixture = try WebFixture()
        try fixture.addUser("jane", password: Self.password)
        try fixture.addUser("ada", password: Self.password, role: .admin)
        let lines = LogLines()
        var logger = Logger(label: "test") { _ in LogLines.Handler(lines: lines) }
        logger.logLevel = .info
        let time = Clock()
        fixture.configuration.clock = WallClock { time.now }
        let wait = time.wait
        let application = try await PayChaseServer.application(fixture.configuration, logger: logger).application
        try await application.test(.router) { client in
            var admin = Browser(client: client)
            try await admin.signIn("ada", password: Self.password)
            var browser = Browser(client: client)
            func signIn(_ password: String) async throws -> Page {
                let login = try await browser.get("/login")
                return try await browser.post("/login", [("csrf", login.csrf!), ("name", "jane"), ("password", password)])
            }
            var wrongPage = ""
            for _ in 1...3 {
                let wrong = try await signIn("wrong password!")
                #expect(wrong.status == .unauthorized && wrong.text.contains("that name and password do not match a PayChase user"))
                wrongPage = wrong.body
            }
            // The fourth try, with the right password, comes within a second: told the same as a wrong one.
            let locked = try await signIn(Self.password)
            #expect(locked.status == .unauthorized)
            #expect(locked.body == wrongPage, "the page is the same as for a wrong password")
            #expect(lines.all.contains { $0.contains("login refused: locked") && $0.contains("account jane") })
            #expect(lines.all.filter { $0.contains("login refused: wrong name or password") }.count == 3)
            // Only the admin sees it.
            let users = try await admin.get("/users")
            #expect(users.status == .ok)
            #expect(
                users.text.contains("<td>jane</td><td>manager</td><td>locked until 2026-11-22 12:00:01 after 3 failed sign-ins</td>"),
                "\(users.text)"
            )
            #expect(try await browser.get("/users").status == .seeOther, "jane is not signed in")

            // After the second, a fourth failure: now it is two seconds.
            wait(1.5)
            #expect(try await signIn("wrong again!!").status == .unauthorized)
            wait(1.5)
            #expect(try await signIn(Self.password).status == .unauthorized, "still within the two seconds")
            wait(1)
            let right = try await signIn(Self.password)
            #expect(right.status == .seeOther, "after the wait, the right password signs in")
        }
    }
}

/// A test's clock: it stands still until told to move on.
final class Clock: Sendable {
    private let instant = Mutex(WebFixture.day)
    var now: Date { instant.withLock { $0 } }
    @Sendable func wait(_ seconds: Double) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Issue 21.6: every POST checks the role, route by route.
struct RoleTests {
    /// Every POST route of a practice, and the least role it needs.
    static let routes: [(path: String, needs: WebRole)] = [
        ("/claims/Q-2026-001/draft", .manager), ("/claims/Q-2026-001/send", .manager), ("/claims/Q-2026-001/posting", .manager),
        ("/claims/Q-2026-001/payment", .manager), ("/claims/Q-2026-001/pause", .manager), ("/claims/Q-2026-001/resume", .manager),
        ("/claims/Q-2026-001/evidence", .viewer), ("/import", .manager), ("/bank", .manager), ("/bank/confirm", .manager),
        ("/queue/q-1/delivered", .manager), ("/receipts", .manager), ("/mailbox/connect", .admin), ("/mailbox/disconnect", .admin),
    ]

    @Test(arguments: WebRole.allCases)
    func everyPostChecksTheRole(role: WebRole) async throws {
        let fixture = try WebFixture()
        try fixture.addUser("someone", password: SignInTests.password, role: role)
        try await fixture.test { browser in
            try await browser.signIn("someone", password: SignInTests.password)
            let page = try await browser.get("/claims/Q-2026-001")
            let csrf = try #require(page.csrf)
            #expect(page.body.contains("<form name=\"payment\"") == (role >= .manager), "the forms that act are shown to those who may")
            for route in Self.routes {
                let answer = try await browser.send(
                    route.path,
                    method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-CSRF-Token")!: csrf],
                    body: ByteBuffer(string: "csrf=\(csrf)")
                )
                if role >= route.needs {
                    #expect(answer.status != .forbidden, "\(role) may POST \(route.path): \(answer.text.prefix(300))")
                } else {
                    #expect(answer.status == .forbidden, "\(role) may not POST \(route.path)")
                    #expect(
                        answer.text.contains("you are signed in as someone, a \(role.rawValue)")
                            && answer.text.contains("this needs a \(route.needs.rawValue)")
                    )
                }
            }
            // The router reads `//` and a trailing `/` as nothing; so does the role check.
            for path in ["/mailbox/disconnect/", "//mailbox//disconnect", "/MAILBOX/disconnect"] where role < .admin {
                let sneaky = try await browser.send(
                    path,
                    method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-CSRF-Token")!: csrf],
                    body: ByteBuffer(string: "csrf=\(csrf)")
                )
                #expect([.forbidden, .notFound].contains(sneaky.status), "\(role) may not POST \(path): \(sneaky.status)")
            }
            let users = try await browser.get("/users")
            #expect((users.status == .forbidden) == (role != .admin), "only an admin sees the users")
        }
        #expect(!((try? fixture.folder.read("Outbox/deliveries.jsonl")) ?? "").contains("\"by\":\"someone\"") || role >= .manager)
    }
}

/// Issue 21.4: behind a TLS proxy, `X-Forwarded-Proto` and `X-Forwarded-For` count only from
/// the proxy given with `--trusted-proxy`. Served on a real loopback socket, so the peer is
/// 127.0.0.1.
struct ProxyTests {
    static func fixture(trusting proxies: [String]) throws -> WebFixture {
        var fixture = try WebFixture(behindTLS: true)
        fixture.configuration.trustedProxies = proxies
        try fixture.addUser("jane", password: SignInTests.password)
        try fixture.addUser("john", password: SignInTests.password)
        return fixture
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    @Test func theProxysWordIsTakenOnlyFromTheProxy() async throws {
        let trusted = try Self.fixture(trusting: ["127.0.0.1"])
        try await trusted.application().test(.live) { client in
            var browser = Browser(client: client)
            let plain = try await browser.get("/login?next=/claims", headers: [Self.forwardedProto: "http"])
            #expect(plain.status == .permanentRedirect)
            #expect(
                plain.location?.hasPrefix("https://") == true && plain.location?.hasSuffix("/login?next=/claims") == true,
                "\(plain.location ?? "")"
            )
            let secure = try await browser.get("/login", headers: [Self.forwardedProto: "https"])
            #expect(secure.status == .ok)
            // Three failures from one address behind the proxy hold that address, not the next one.
            for _ in 1...3 {
                let login = try await browser.get("/login")
                _ = try await browser.send(
                    "/login",
                    method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", Self.forwardedFor: "198.51.100.1, 203.0.113.9"],
                    body: ByteBuffer(string: "csrf=\(login.csrf!)&name=jane&password=wrong+password%21")
                )
            }
            func signIn(_ name: String, from address: String) async throws -> Page {
                var fresh = Browser(client: client)
                let login = try await fresh.get("/login")
                return try await fresh.send(
                    "/login",
                    method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", Self.forwardedFor: address],
                    body: ByteBuffer(string: "csrf=\(login.csrf!)&name=\(name)&password=correct+horse+battery")
                )
            }
            #expect(try await signIn("john", from: "203.0.113.9").status == .unauthorized, "the address is waiting")
            #expect(try await signIn("john", from: "203.0.113.10").status == .seeOther, "another address is not")
        }
        // From anyone but the proxy, the headers are anyone's words: ignored.
        let untrusted = try Self.fixture(trusting: ["192.0.2.1"])
        try await untrusted.application().test(.live) { client in
            var browser = Browser(client: client)
            let plain = try await browser.get("/login", headers: [Self.forwardedProto: "http"])
            #expect(plain.status == .ok, "not redirected on a header from a peer that is not the proxy")
        }
    }
}
