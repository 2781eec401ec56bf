import Hummingbird
import PayChaseDomain
import PayChaseJobs

/// What waits to be sent (`/queue`, `/api/queue`), and confirming that a held message did arrive.
struct QueueController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>) {
        pages.get("queue", use: page)
        pages.post("queue/:message/delivered", use: confirm)
        api.get("queue") { _, _ in JSONReply.response(try await messages(), asWritten: true) }
    }

    func messages() async throws -> [QueuedMessage] {
        let job = QueueJob(workspace: practice.workspace)
        let logger = state.logger
        return try await state.write(practice) { () throws(PayChaseError) in try job.list(logger: logger) }
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let csrf = context.csrfToken()
        let base = practice.pagePath
        let rows = try await messages().map { QueuedRow($0, base: base, csrf: csrf) }
        let model = QueuePage(messages: rows, hasMessages: !rows.isEmpty)
        return state.pages.response("queue", model, layout: state.layout("Queue", practice: practice, current: "queue", context: context))
    }

    @Sendable func confirm(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.parameters.require("message")
        guard !id.hasHeaderUnsafeCharacters else { throw WebError.badField("message", "contains a line break or control character") }
        let job = QueueJob(workspace: practice.workspace(by: context))
        let logger = state.logger
        let clock = state.configuration.clock
        let message = try await state.write(practice) { () throws(PayChaseError) in try job.confirmDelivered(id, logger: logger, clock: clock) }
        context.flash("\(message.id) recorded as delivered (confirmed by the practice) and moved to sent/.")
        return Response(status: .seeOther, headers: [.location: "\(practice.pagePath)/claims/\(message.claimID)"])
    }
}

struct QueuePage {
    var messages: [QueuedRow]
    var hasMessages: Bool
}
