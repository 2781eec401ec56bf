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
        let (pages, claimsPath) = (state.pages, "\(practice.pagePath)/claims")
        let content = try await state.view(practice, key: "dashboard\u{0}\(name)\u{0}\(worker ?? "")") { report in
            pages.render("dashboard", DashboardPage(practice: name, report: report, worker: worker, claimsPath: claimsPath))
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
            JSONReply.response(encoded: await combined("json") { JSONReply.encoded($0.json) })
        }
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let pages = state.pages
        let content = await combined("page") { pages.render("practices", $0.page) }
        return pages.response(content: content, layout: state.layout("All practices", practice: nil, current: "practices", context: context))
    }

    /// The view called `key` of every practice's dashboard together, in folder order.
    func combined(_ key: String, render: (CombinedDashboard) -> String) async -> String {
        let state = state
        return await state.combinedCache.view(
            state.configuration.practices,
            asOf: state.today,
            key: key,
            parallel: ProcessInfo.processInfo.activeProcessorCount,
            logger: state.logger,
            digest: { practice in
                let name = await state.practiceName(practice)
                do throws(WebError) {
                    return PracticeDigest(practice: practice, name: name, report: try await state.status(practice))
                } catch {
                    return PracticeDigest(practice: practice, name: name, problem: error.lines.joined(separator: "; "))
                }
            },
            render: render
        )
    }
}
