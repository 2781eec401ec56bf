import Foundation
import Hummingbird
import MultipartKit
import PayChaseDomain
import PayChaseJobs

/// Payments from the bank statement (`/bank`): upload a statement, review what the matcher
/// proposes for each credit (the certain ones ticked), tick and confirm. The upload is kept in
/// the practice's web folder under its hash until confirmed, so the confirmation records exactly
/// the lines that were reviewed.
struct BankController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>) {
        pages.get("bank") { _, context in page(context, review: nil, problems: [], status: .ok) }
        pages.post("bank", use: upload)
        pages.post("bank/confirm", use: confirm)
    }

    struct Upload: Decodable {
        var statement: Data?
    }

    var folder: String { "\(practice.webFolder)/bank" }

    @Sendable func upload(_ request: Request, context: WebContext) async throws -> Response {
        let data = try await UploadedFile.read(
            request,
            as: Upload.self,
            file: \.statement,
            limit: state.configuration.maxUploadBytes,
            page: "statement from the Bank page's form",
            field: "statement",
            label: "Statement"
        )
        let key = BankJob.key(of: Array(data))
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: "\(folder)/\(key).txt"), options: .atomic)
        } catch {
            throw WebError(.serviceUnavailable, "the statement could not be kept for review: \(error)")
        }
        let outcome: Result<BankJob.Result, WebError>
        do throws(WebError) {
            outcome = .success(try await run(key: key, confirmed: [:], context: context))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let result):
            return page(context, review: BankReview(result, key: key), problems: result.problems, status: .ok)
        case .failure(let error) where error.status == .unprocessableContent || error.status == .badRequest:
            return page(context, review: nil, problems: error.lines, status: .unprocessableContent)
        case .failure(let error):
            throw error
        }
    }

    @Sendable func confirm(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await FormText(request)
        let key = try form.required("statement", label: "Statement")
        guard key.utf8.count == 64, key.allSatisfy(\.isHexDigit), FileManager.default.fileExists(atPath: "\(folder)/\(key).txt") else {
            throw WebError.badField("Statement", "is not one uploaded here; upload it again")
        }
        // Each ticked box is the line's hash and the shares the page showed: `HASH|Q-1:348000`.
        var ticked: [String: String] = [:]
        for value in form.all("line") {
            let parts = value.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].utf8.count == 64, parts[0].allSatisfy(\.isHexDigit) else {
                throw WebError.badField("Record", "is not a line this page showed; read the statement again")
            }
            ticked[parts[0]] = parts[1]
        }
        let result = try await run(key: key, confirmed: ticked, context: context)
        try? FileManager.default.removeItem(atPath: "\(folder)/\(key).txt")
        context.flash("Recorded \(result.recorded.count) payment(s) from the statement.")
        return Response(status: .seeOther, headers: [.location: "\(practice.pagePath)/bank"])
    }

    func run(key: String, confirmed: [String: String], context: WebContext) async throws(WebError) -> BankJob.Result {
        let bytes = FileManager.default.contents(atPath: "\(folder)/\(key).txt").map(Array.init) ?? []
        let job = BankJob(workspace: practice.workspace(by: context), statement: .bytes(bytes, name: "statement"), confirmed: confirmed)
        let logger = state.logger
        let clock = state.configuration.clock
        if confirmed.isEmpty { return try await state.read { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) } }
        return try await state.write(practice) { () throws(PayChaseError) in try job.run(logger: logger, clock: clock) }
    }

    func page(_ context: WebContext, review: BankReview?, problems: [String], status: HTTPResponse.Status) -> Response {
        var model = BankPage(action: "\(practice.pagePath)/bank", csrf: context.csrfToken(), review: review, problems: problems)
        model.canAct = context.may(.manager)
        return state.pages.response(
            "bank",
            model,
            layout: state.layout("Bank statement", practice: practice, current: "bank", context: context),
            status: status
        )
    }
}

/// What the matcher proposed for an upload, for the page to show with a box to tick per credit.
struct BankReview: Sendable {
    struct Row: Sendable {
        /// The box's value: the line's hash and the shares shown.
        var line: String
        /// The box's id: the line's hash.
        var id: String
        var place: String
        var date: String
        var amount: String
        var description: String
        var claims: String
        var certainty: String
        var reason: String
        var certain: Bool
    }

    struct Unplaced: Sendable {
        var place: String
        var date: String
        var amount: String
        var description: String
        var reason: String
    }

    var key: String
    var layout: String
    var rows: [Row]
    var unplaced: [Unplaced]
    var hasRows: Bool
    var hasUnplaced: Bool
    var alreadyRecorded: Int

    init(_ result: BankJob.Result, key: String) {
        self.key = key
        layout = result.layout
        rows = result.proposals.map { proposal in
            Row(
                line: proposal.credit.sha256 + "|" + proposal.signature,
                id: proposal.credit.sha256,
                place: proposal.credit.place,
                date: proposal.credit.date.formatted,
                amount: proposal.credit.amount.formatted,
                description: proposal.credit.description,
                claims: proposal.shares.map { "\($0.claimID) \($0.amount.formatted)" }.joined(separator: ", "),
                certainty: proposal.certainty.rawValue,
                reason: proposal.reason + (proposal.shortfall.map { "; \($0.formatted) still owed: chase the balance" } ?? ""),
                certain: proposal.certainty == .certain
            )
        }
        unplaced = result.unplaced.map {
            Unplaced(
                place: $0.credit.place,
                date: $0.credit.date.formatted,
                amount: $0.credit.amount.formatted,
                description: $0.credit.description,
                reason: $0.reason
            )
        }
        hasRows = !rows.isEmpty
        hasUnplaced = !unplaced.isEmpty
        alreadyRecorded = result.alreadyRecorded.count
    }
}

struct BankPage: Sendable {
    var action: String
    var csrf: String
    var review: BankReview?
    var problems: [String]
    var hasProblems: Bool
    var canAct = true

    init(action: String, csrf: String, review: BankReview?, problems: [String]) {
        self.action = action
        self.csrf = csrf
        self.review = review
        self.problems = problems
        hasProblems = !problems.isEmpty
    }
}
