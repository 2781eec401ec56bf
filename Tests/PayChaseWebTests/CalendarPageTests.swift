import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PayChaseTestSupport
import PayChaseWeb
import Testing

/// Issue 20.5: the deadlines page, `calendar.ics` behind the login, and each user's secret link
/// a calendar subscribes to without one, which no log ever shows.
struct CalendarPageTests {
    @Test func theCalendarIsBehindTheLoginAndEachUserHasASecretLink() async throws {
        let fixture = try WebFixture()
        try fixture.addUser("jane", password: "correct horse battery")
        let lines = LogLines()
        var logger = Logger(label: "test") { _ in LogLines.Handler(lines: lines) }
        logger.logLevel = .trace
        let (application, _) = try await PayChaseServer.application(fixture.configuration, logger: logger)
        try await application.test(.router) { client in
            var browser = Browser(client: client)
            #expect(try await browser.get("/calendar.ics").status == .seeOther, "the file needs a login")
            let login = try await browser.get("/login?next=/calendar")
            _ = try await browser.post(
                "/login",
                [("csrf", login.csrf!), ("name", "jane"), ("password", "correct horse battery"), ("next", "/calendar")]
            )
            let page = try await browser.get("/calendar")
            #expect(page.status == .ok)
            #expect(page.body.contains("<table id=\"deadlines\">"))
            #expect(page.text.contains("last day for formal complaint"))
            let file = try await browser.get("/calendar.ics")
            #expect(file.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(file.text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            let link = try #require(page.body.range(of: #"/calendar/[0-9a-f]{64}\.ics"#, options: .regularExpression).map { String(page.body[$0]) })
            #expect(try await browser.get("/calendar").body.contains(link), "the same link each time")

            var stranger = Browser(client: client)
            let subscribed = try await stranger.get(link)
            #expect(subscribed.status == .ok, "a calendar subscribes without a login")
            #expect(subscribed.text == file.text, "the same calendar, by the link")
            let wrong = try await stranger.get("/calendar/" + String(repeating: "0", count: 64) + ".ics")
            #expect(wrong.status == .notFound)
            #expect(try await stranger.get("/calendar").status == .seeOther, "the page itself needs a login")
        }
        // The page showed the link of the secret kept for jane.
        let secret = try UserStore(path: fixture.configuration.usersFile).calendarSecret(for: "jane")
        #expect(secret.count == 64)
        #expect(!lines.all.isEmpty)
        #expect(!lines.all.contains { $0.contains(secret) }, "the secret never reaches a log")
        #expect(lines.all.contains { $0.contains("/calendar/[secret].ics") })
    }
}
