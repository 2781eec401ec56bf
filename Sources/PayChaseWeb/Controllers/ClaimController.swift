import Hummingbird
import PayChaseDomain
import PayChaseJobs

/// One claim (`/claims/ID`, `/api/claims/ID`): its facts, timeline, next document and the
/// letter's PDF. Its actions (draft, send, posting, payment, evidence) are `ClaimActionsController`'s.
struct ClaimController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>) {
        pages.get("claims/:claim", use: page)
        pages.get("claims/:claim/letter/:template", use: letter)
        api.get("claims/:claim") { _, context in
            let view = try await claimView(context)
            return JSONReply.response(ClaimJSON(view, letterPath: letterPath))
        }
    }

    var letterPath: String { "\(practice.pagePath)/claims" }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        // `?template=appeal` previews that document instead of the next step's.
        let view = try await claimView(context, template: request.uri.queryParameters["template"].map(String.init))
        var model = ClaimPage(
            view,
            pagePath: practice.pagePath,
            csrf: context.csrfToken(),
            sendKey: UsedKeys.newKey(),
            today: state.today
        )
        model.canAct = context.may(.manager)
        return state.pages.response(
            "claim",
            model,
            layout: state.layout("Claim \(view.claim.claim.id)", practice: practice, current: "claims", context: context)
        )
    }

    /// The letter as a PDF, or as a Word file (`appeal.docx`) to change before printing; made now and not kept.
    @Sendable func letter(_ request: Request, context: WebContext) async throws -> Response {
        let claimID = try context.parameters.require("claim")
        let asked = try context.parameters.require("template")
        let word = asked.hasSuffix(".docx")
        let template = word ? String(asked.dropLast(5)) : asked
        let job = PreviewJob(workspace: practice.workspace, claimID: claimID, template: template, asOf: state.today)
        let logger = state.logger
        let preview = try await state.read { () throws(PayChaseError) in try job.run(letter: word ? .docx : .pdf, logger: logger) }
        guard let bytes = preview.letter else { throw WebError(.badRequest, "\(template) is an email, not a letter") }
        let type = word ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/pdf"
        let disposition = word ? "attachment; filename=\"\(claimID)-\(template).docx\"" : "inline; filename=\"\(claimID)-\(template).pdf\""
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: disposition],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    /// The claim, the templates, and a preview of the document its next step names (or `template`).
    func claimView(_ context: WebContext, template chosen: String? = nil) async throws -> ClaimView {
        let claimID = try context.parameters.require("claim")
        let workspace = practice.workspace
        let asOf = state.today
        let logger = state.logger
        let found: Result<ClaimJob.Result, WebError>
        do throws(WebError) {
            found = .success(
                try await state.read { () throws(PayChaseError) in
                    try ClaimJob(workspace: workspace, claimID: claimID, asOf: asOf).run(logger: logger)
                }
            )
        } catch {
            found = .failure(error)
        }
        // An unknown claim is a page that does not exist.
        let claim = try found.mapError { $0.status == .badRequest ? WebError(.notFound, $0.lines) : $0 }.get()
        let templates = await Blocking.run { TemplatesJob(workspace: workspace).run(logger: logger).templates }
        var view = ClaimView(claim: claim, templates: templates)
        let named = chosen.flatMap { name in templates.contains { $0.name == name } ? name : nil }
        if let template = named ?? (claim.status.nextStep.action != .none ? claim.status.nextStep.templates.first : nil) {
            let job = PreviewJob(workspace: workspace, claimID: claimID, template: template, asOf: asOf)
            do {
                view.preview = try await state.read { () throws(PayChaseError) in try job.run(letter: nil, logger: logger) }
            } catch {
                view.previewProblem = error.lines.joined(separator: "; ")
            }
        }
        return view
    }
}

/// What the claim page and `/api/claims/ID` show.
struct ClaimView: Sendable {
    var claim: ClaimJob.Result
    var templates: [TemplatesJob.Entry]
    var preview: PreviewJob.Preview?
    var previewProblem: String?

    /// Where the previewed letter's PDF is, under the claims' path; nil when it is not a letter.
    static func letterPath(_ preview: PreviewJob.Preview, under claims: String) -> String? {
        preview.forms.contains("letter") ? "\(claims)/\(preview.claimID)/letter/\(preview.template)" : nil
    }
}
