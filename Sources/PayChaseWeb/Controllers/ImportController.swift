import Foundation
import Hummingbird
import MultipartKit
import PayChaseJobs

/// Uploading a claims file (`/import`): every problem listed as `check` prints it
/// (`claims.csv:LINE: column: message`) and nothing replaced, or the clean file swapped in with
/// the old one kept beside it as a dated backup.
struct ImportController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>) {
        pages.get("import") { _, context in page(context, problems: [], status: .ok) }
        pages.post("import", use: upload)
    }

    struct Upload: Decodable {
        var claims: Data?
    }

    @Sendable func upload(_ request: Request, context: WebContext) async throws -> Response {
        let data = try await UploadedFile.read(
            request,
            as: Upload.self,
            file: \.claims,
            limit: state.configuration.maxUploadBytes,
            page: "claims file from the Import page's form",
            field: "claims",
            label: "Claims file"
        )
        let job = ImportJob(workspace: practice.workspace, bytes: Array(data))
        let logger = state.logger
        let outcome: Result<ImportJob.Result, WebError>
        do throws(WebError) {
            outcome = .success(try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger) })
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let result):
            let backup = result.backup.map { ", and the previous one kept as \(URL(fileURLWithPath: $0).lastPathComponent)" } ?? ""
            context.flash("Imported \(result.claims) claims (\(result.outstanding.formatted) outstanding) into \(job.fileName)\(backup).")
            return Response(status: .seeOther, headers: [.location: "\(practice.pagePath)/claims"])
        case .failure(let error) where error.status == .unprocessableContent || error.status == .badRequest:
            return page(context, problems: error.lines, status: .unprocessableContent)
        case .failure(let error):
            throw error
        }
    }

    func page(_ context: WebContext, problems: [String], status: HTTPResponse.Status) -> Response {
        var model = ImportPage(
            action: "\(practice.pagePath)/import",
            csrf: context.csrfToken(),
            fileName: URL(fileURLWithPath: practice.workspace.claimsPath).lastPathComponent,
            problems: problems
        )
        model.canAct = context.may(.manager)
        return state.pages.response(
            "import",
            model,
            layout: state.layout("Import claims", practice: practice, current: "import", context: context),
            status: status
        )
    }
}

/// Mustache reads stored properties only, so the counts are stored too.
struct ImportPage {
    var action: String
    var csrf: String
    var fileName: String
    var problems: [String]
    var hasProblems: Bool
    var problemCount: Int
    var canAct = true

    init(action: String, csrf: String, fileName: String, problems: [String]) {
        self.action = action
        self.csrf = csrf
        self.fileName = fileName
        self.problems = problems
        hasProblems = !problems.isEmpty
        problemCount = problems.count
    }
}
