import Foundation
import Hummingbird
import PayChaseJobs

/// Reading the practice mailbox now (`POST /receipts`), as the worker does every
/// `imap.poll_minutes` and `paychase receipts` does when asked.
struct ReturnedMailController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>) {
        pages.post("receipts", use: read)
    }

    @Sendable func read(_ request: Request, context: WebContext) async throws -> Response {
        var job = ReturnedMailJob(workspace: practice.workspace(by: context))
        job.environment = state.configuration.environment
        let reading = job
        let logger = state.logger
        let clock = state.configuration.clock
        let result = try await state.write(practice) { () throws(PayChaseError) in try reading.run(logger: logger, clock: clock) }
        let found = result.recorded.map { "\($0.claimID): \($0.kind) (\($0.summary))" }
        context.flash(
            "Read the mailbox: \(result.read) messages, \(result.recorded.count) recorded"
                + (found.isEmpty ? "." : ": " + found.joined(separator: "; ") + ".")
        )
        return Response(status: .seeOther, headers: [.location: "\(practice.pagePath)/record"])
    }
}
