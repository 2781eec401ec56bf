import Foundation
import Hummingbird
import Logging
import PayChaseDomain
import PayChaseJobs
import Synchronization

/// The claim page's buttons, each one engine job: draft, send (once per rendered form), record a
/// posting, record a payment, and the evidence pack as a zip. Each says what it did on the
/// claim page it returns to.
struct ClaimActionsController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>) {
        pages.post("claims/:claim/draft", use: draft)
        pages.post("claims/:claim/send", use: send)
        pages.post("claims/:claim/posting", use: posting)
        pages.post("claims/:claim/payment", use: payment)
        pages.post("claims/:claim/evidence", use: evidence)
        pages.post("claims/:claim/pause", use: pause)
        pages.post("claims/:claim/resume", use: resume)
    }

    var logger: Logger { state.logger }
    /// Where the jobs get the time: the record's timestamps, a send's retry times.
    var clock: WallClock { state.configuration.clock }

    @Sendable func draft(_ request: Request, context: WebContext) async throws -> Response {
        let claimID = try await knownClaim(context)
        let form = try await FormText(request)
        let job = DraftJob(
            workspace: practice.workspace(by: context),
            template: try form.required("template", label: "Document"),
            selection: .ids([claimID]),
            asOf: state.today
        )
        let logger = logger
        let clock = clock
        let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
        if !result.problems.isEmpty { throw WebError(.unprocessableContent, result.problems.map(WebAdvice.line)) }
        let files = result.written.map(relative).joined(separator: ", ")
        let warnings = result.warnings.map { " Warning: \($0.text)" }.joined()
        return done("Drafted \(job.template) for \(claimID): \(files).\(warnings)", claimID: claimID, context: context)
    }

    @Sendable func send(_ request: Request, context: WebContext) async throws -> Response {
        let claimID = try await knownClaim(context)
        let form = try await FormText(request)
        let template = try form.required("template", label: "Email")
        let key = try form.required("key", label: "Send key")
        guard UsedKeys.isWellFormed(key) else { throw WebError.badField("Send key", "is not one this page made; reload the claim page") }
        let fresh: Bool
        do { fresh = try await state.usedKeys(practice).use(key) } catch {
            throw WebError(.serviceUnavailable, "\(error); nothing was sent")
        }
        guard fresh else {
            return done(
                "This send form was already used, so nothing was sent again. The timeline shows what went.",
                claimID: claimID,
                context: context
            )
        }
        var options = SendJob.Options()
        options.environment = state.configuration.environment
        let job = SendJob(
            workspace: practice.workspace(by: context),
            source: .template(template, .ids([claimID])),
            asOf: state.today,
            options: options
        )
        let logger = logger
        let clock = clock
        let replies = ServerReplies()
        let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock, progress: replies.add) }
        if !result.drafts.problems.isEmpty { throw WebError(.unprocessableContent, result.drafts.problems.map(WebAdvice.line)) }
        var lines = ["Sent \(template) for \(claimID): \(result.accepted) accepted, \(result.deferred) deferred, \(result.refused) refused."]
        lines += replies.lines.map { "Server: \($0)." }
        lines += result.notes.map(WebAdvice.line)
        if let stop = result.stop {
            lines =
                ["Not sent: " + WebAdvice.lines(stop).joined(separator: " ")]
                + result.drafts.written.map { "Drafted \(relative($0)) to send by hand." }
        }
        return done(lines.joined(separator: " "), claimID: claimID, context: context)
    }

    @Sendable func posting(_ request: Request, context: WebContext) async throws -> Response {
        let claimID = try await knownClaim(context)
        let form = try await FormText(request)
        let job = PostingJob(
            workspace: practice.workspace(by: context),
            template: try form.required("template", label: "Letter"),
            claimIDs: [claimID],
            postedOn: try form.date("on", label: "Posted on", fallback: state.today),
            method: try form.optional("method", label: "Method"),
            tracking: try form.optional("tracking", label: "Tracking")
        )
        let logger = logger
        let clock = clock
        let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
        let lines =
            result.recorded.map {
                "Recorded \($0.template) for \($0.claimID) as posted \($0.method) on \($0.postedOn.formatted)"
                    + ($0.tracking.map { " (tracking \($0))" } ?? "") + "."
            }
            + result.alreadyRecorded.map {
                "\($0.template) for \($0.claimID) was already recorded as posted on \($0.alreadyRecordedOn ?? "?"); it is not recorded twice."
            }
        return done(lines.joined(separator: " "), claimID: claimID, context: context)
    }

    @Sendable func payment(_ request: Request, context: WebContext) async throws -> Response {
        let claimID = try await knownClaim(context)
        let form = try await FormText(request)
        let amount = try form.required("amount", label: "Amount")
        // Said against the field, as the error summary links to it; the job checks it again.
        do {
            guard try Money(parsing: amount) > .zero else { throw WebError.badField("Amount", "'\(amount)' must be more than £0.00", name: "amount") }
        } catch let error as Money.ParseError {
            throw WebError.badField("Amount", error.description, name: "amount")
        }
        let job = PaymentJob(
            workspace: practice.workspace(by: context),
            claimID: claimID,
            amount: amount,
            receivedOn: try form.date("on", label: "Received on", fallback: state.today),
            reference: try form.optional("ref", label: "Reference")
        )
        let logger = logger
        let clock = clock
        let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
        return done(
            "Recorded \(result.amount.formatted) received for \(claimID) on \(result.receivedOn.formatted); \(result.outstanding.formatted) outstanding.",
            claimID: claimID,
            context: context
        )
    }

    @Sendable func pause(_ request: Request, context: WebContext) async throws -> Response {
        let claimID = try await knownClaim(context)
        let form = try await FormText(request)
        let reason = try form.required("reason", label: "Reason for pausing")
        let until = try form.optionalDate("until", label: "Until")
        return try await changePause(claimID, .pause(reason: reason, until: until), context: context)
    }

    @Sendable func resume(_ request: Request, context: WebContext) async throws -> Response {
        try await changePause(try await knownClaim(context), .resume, context: context)
    }

    private func changePause(_ claimID: String, _ change: PauseJob.Change, context: WebContext) async throws -> Response {
        let job = PauseJob(workspace: practice.workspace(by: context), claimID: claimID, change: change, asOf: state.today)
        let logger = logger
        let clock = clock
        let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
        return done("\(claimID): \(result.summary).", claimID: claimID, context: context)
    }

    /// The pack is written to `Outbox/evidence/` as the command line writes it, and the zip sent back.
    @Sendable func evidence(_ request: Request, context: WebContext) async throws -> Response {
        let claimID = try await knownClaim(context)
        let job = EvidenceJob(workspace: practice.workspace(by: context), claimID: claimID, zip: true, checks: WebAdvice.evidenceChecks)
        let logger = logger
        let clock = clock
        let result = try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
        guard let zip = result.zipFile, let data = FileManager.default.contents(atPath: zip) else {
            throw WebError(.serviceUnavailable, "the evidence pack was written to \(relative(result.folder)) but its zip cannot be read")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"\(claimID)-evidence.zip\""],
            body: .init(byteBuffer: ByteBuffer(bytes: Array(data)))
        )
    }

    /// The path's claim id, refused unless it is a claim in the claims file (as the command line refuses it).
    func knownClaim(_ context: WebContext) async throws -> String {
        let claimID = try context.parameters.require("claim")
        let workspace = practice.workspace(by: context)
        let claims = try await state.read { () throws(PayChaseError) in try workspace.loadClaims(profile: try workspace.loadProfile()).map(\.id) }
        guard claims.contains(claimID) else { throw WebError(.notFound, "claim '\(claimID)' is not in \(workspace.claimsPath)") }
        return claimID
    }

    /// Back to the claim page, which says what was done.
    func done(_ message: String, claimID: String, context: WebContext) -> Response {
        context.flash(message)
        return Response(status: .seeOther, headers: [.location: "\(practice.pagePath)/claims/\(claimID)"])
    }

    /// A path inside the practice's folder, as the practice sees it: `Outbox/drafts/D-1/chase.eml`.
    func relative(_ path: String) -> String {
        let folder = URL(fileURLWithPath: practice.workspace.outbox.root).deletingLastPathComponent().path + "/"
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }
}

/// The server's reply to each message of a send, as it comes.
final class ServerReplies: Sendable {
    private let collected = Mutex<[String]>([])

    func add(_ progress: SendProgress) {
        collected.withLock { $0.append("\(progress.outcome): \(progress.reply.replacingOccurrences(of: "\n", with: " / "))") }
    }

    var lines: [String] { collected.withLock { $0 } }
}
