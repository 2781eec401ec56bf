import Foundation
import Hummingbird
import PayChaseDomain
import PayChaseJobs

/// A practice's dashboard (`/`), its JSON (`/api/dashboard`), and the report behind it as
/// `paychase status --json` gives it (`/api/status`).
struct DashboardController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>) {
        pages.get("/", use: page)
        api.get("dashboard") { _, _ in JSONReply.response(try await summary()) }
        api.get("status") { _, _ in JSONReply.response(StatusJSON(try await state.status(practice))) }
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let name = await state.practiceName(practice)
        let worker = await state.worker.summary(practice.slug)
        let (pages, pagePath) = (state.pages, practice.pagePath)
        let content = try await state.view(practice, key: "dashboard\u{0}\(name)\u{0}\(worker ?? "")") { report in
            pages.render("dashboard", DashboardPage(practice: name, report: report, worker: worker, pagePath: pagePath))
        }
        return pages.response(content: content, layout: state.layout(name, practice: practice, current: "dashboard", context: context))
    }

    func summary() async throws -> DashboardSummary {
        DashboardSummary(
            practice: await state.practiceName(practice),
            report: try await state.status(practice),
            worker: await state.worker.summary(practice.slug)
        )
    }
}

/// With `--practices DIR`: every practice together at `/` and `/api/practices`, for an LMC or
/// a federation; both kept until a practice's files change.
struct PracticesController {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("/", use: page)
        router.get("api/practices") { _, _ in
            JSONReply.response(encoded: await state.combined(CombinedDashboard.jsonView))
        }
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let pages = state.pages
        let content = await state.combined(CombinedDashboard.pageView(pages))
        return pages.response(content: content, layout: state.layout("All practices", practice: nil, current: "practices", context: context))
    }
}
