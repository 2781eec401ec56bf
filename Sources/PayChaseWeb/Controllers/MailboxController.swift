import Foundation
import Hummingbird
import PayChaseDomain
import PayChaseJobs

/// The Mailbox page (`/mailbox`, `/api/mailbox`): connect the practice mailbox with OAuth 2.0 as
/// `paychase mailbox connect` does — the code shown, the page updating itself until the person
/// has signed in at the identity provider — see who is connected, and disconnect. No token is
/// ever on a page.
struct MailboxController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>) {
        pages.get("mailbox", use: page)
        pages.post("mailbox/connect", use: connect)
        pages.post("mailbox/disconnect", use: disconnect)
        api.get("mailbox") { _, _ in JSONReply.response(try await view()) }
    }

    private var job: MailboxJob {
        var job = MailboxJob(workspace: practice.workspace)
        job.environment = state.configuration.environment
        return job
    }

    func view() async throws -> MailboxView {
        let job = job
        let status: MailboxJob.Status?
        let problem: String?
        do throws(PayChaseError) {
            status = try await Blocking.run { () throws(PayChaseError) in try job.status() }
            problem = nil
        } catch {
            status = nil
            problem = WebAdvice.lines(error).joined(separator: " ")
        }
        return MailboxView(status: status, signIn: state.signIns.state(of: practice), problem: problem)
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        var model = MailboxPage(try await view(), csrf: context.csrfToken())
        model.connectAction = "\(practice.pagePath)/mailbox/connect"
        model.disconnectAction = "\(practice.pagePath)/mailbox/disconnect"
        model.canManage = context.may(.admin)
        var layout = state.layout("Mailbox", practice: practice, current: "mailbox", context: context)
        // While a person signs in, the page looks again every few seconds (no script on these pages).
        if model.waiting { layout.refresh = 5 }
        return state.pages.response("mailbox", model, layout: layout)
    }

    @Sendable func connect(_ request: Request, context: WebContext) async throws -> Response {
        let job = job
        let started = try await Blocking.run { () throws(PayChaseError) in try job.begin() }
        switch started {
        case .waiting(let device):
            state.signIns.watch(device, job: job, practice: practice)
        case .connected(let connection):
            state.signIns.set(nil, for: practice)
            context.flash("Connected\(connection.account.map { " as \($0)" } ?? "") with the application's own permission.")
        }
        return Response(status: .seeOther, headers: [.location: "\(practice.pagePath)/mailbox"])
    }

    @Sendable func disconnect(_ request: Request, context: WebContext) async throws -> Response {
        let job = job
        state.signIns.set(nil, for: practice)
        let had = try await Blocking.run { () throws(PayChaseError) in try job.disconnect() }
        context.flash(
            had
                ? "Disconnected: the mailbox's tokens are forgotten. Nothing is sent or read until it is connected again."
                : "The mailbox was not connected."
        )
        return Response(status: .seeOther, headers: [.location: "\(practice.pagePath)/mailbox"])
    }
}
