import Foundation
import Hummingbird
import PayChaseDomain
import PayChaseJobs

/// Deadlines in a calendar: the page lists every dated step ahead, `calendar.ics` is the same
/// as `paychase calendar` writes (behind the login), and each user has a secret link a calendar
/// such as Outlook can subscribe to without a login.
struct CalendarController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>) {
        pages.get("calendar", use: page)
        pages.get("calendar.ics", use: file)
        pages.get("calendar/:link", use: subscribed)
    }

    /// `/calendar/<64 hex>.ics` (with the practice's prefix): the one path a login does not guard.
    static func isSubscriptionPath(_ path: String) -> Bool {
        guard let range = path.range(of: "/calendar/", options: .backwards), path.hasSuffix(".ics") else { return false }
        let secret = path[range.upperBound...].dropLast(4)
        return secret.utf8.count == 64 && secret.allSatisfy(\.isHexDigit) && !path[..<range.lowerBound].contains("/calendar")
    }

    func calendar() async throws(WebError) -> CalendarJob.Result {
        let job = CalendarJob(workspace: practice.workspace, asOf: state.today)
        let logger = state.logger
        let clock = state.configuration.clock
        return try await state.read { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
    }

    func ics(_ result: CalendarJob.Result) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/calendar; charset=utf-8", .contentDisposition: "attachment; filename=\"paychase.ics\""],
            body: .init(byteBuffer: ByteBuffer(string: result.text))
        )
    }

    @Sendable func file(_ request: Request, context: WebContext) async throws -> Response { ics(try await calendar()) }

    @Sendable func subscribed(_ request: Request, context: WebContext) async throws -> Response {
        let link = try context.parameters.require("link")
        let secret = link.hasSuffix(".ics") ? String(link.dropLast(4)) : ""
        guard state.loginRequired, state.users.user(withCalendarSecret: secret) != nil else {
            throw WebError(.notFound, "there is no calendar at this link")
        }
        return ics(try await calendar())
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let name = await state.practiceName(practice)
        let result = try await calendar()
        var link: String?
        if let user = context.identity?.name {
            do { link = "\(practice.pagePath)/calendar/\(try state.users.calendarSecret(for: user)).ics" } catch {
                throw WebError(.serviceUnavailable, error.description)
            }
        }
        let model = CalendarPage(
            events: result.events.prefix(CalendarPage.shown).map {
                CalendarPage.Row(day: $0.day.formatted, claim: $0.about, what: $0.summary, reminder: $0.reminderDaysBefore != nil)
            },
            file: "\(practice.pagePath)/calendar.ics",
            link: link,
            missed: result.deadlines?.missed.map(\.sentence) ?? [],
            more: max(0, result.events.count - CalendarPage.shown)
        )
        return state.pages.response("calendar", model, layout: state.layout(name, practice: practice, current: "calendar", context: context))
    }
}

struct CalendarPage: Sendable {
    struct Row: Sendable {
        var day: String
        var claim: String
        var what: String
        var reminder: Bool
    }

    var events: [Row]
    var file: String
    /// The user's own subscription link (a path; the page adds the host).
    var link: String?
    var hasEvents: Bool
    /// Claims and evidence whose deadline passed with nothing recorded.
    var missed: [String]
    var hasMissed: Bool

    /// The most the page lists; the calendar file has them all.
    static let shown = 500
    /// How many more the file has than the page lists.
    var more: Int?

    init(events: [Row], file: String, link: String?, missed: [String], more: Int) {
        self.more = more > 0 ? more : nil
        self.events = events
        self.missed = missed
        hasMissed = !missed.isEmpty
        self.file = file
        self.link = link
        hasEvents = !events.isEmpty
    }
}
