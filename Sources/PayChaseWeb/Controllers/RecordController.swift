import Hummingbird
import PayChaseJobs

/// The record (`/record`, `/api/record`): whether it verifies, as `paychase log --verify`
/// says, and its newest entries.
struct RecordController {
    let state: WebState
    let practice: ServedPractice

    /// Entries a page shows, newest first; the JSON has them all.
    static let shown = 500

    func register(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>) {
        pages.get("record", use: page)
        api.get("record") { _, _ in JSONReply.response(try await record(), asWritten: true) }
    }

    struct Record: Encodable, Sendable {
        var verified: Bool
        var entries: Int
        /// The first line edited, removed or reordered, as `log --verify` names it.
        var problem: String?
        /// The last line was cut off by a crash and is dropped at the next entry.
        var tornByCrash: Bool
        var records: [RecordLine]
    }

    func record() async throws -> Record {
        let job = LogJob(workspace: practice.workspace)
        let logger = state.logger
        return await Blocking.run {
            let (records, verified) = job.inspect(logger: logger)
            switch verified {
            case .success(let verified):
                return Record(verified: true, entries: verified.entries, problem: nil, tornByCrash: verified.tornByCrash, records: records)
            case .failure(let error):
                return Record(
                    verified: false,
                    entries: records.count,
                    problem: error.lines.joined(separator: " "),
                    tornByCrash: false,
                    records: records
                )
            }
        }
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await record()
        let rows = record.records.enumerated().reversed().prefix(Self.shown).map { RecordRow($0.element, number: $0.offset + 1) }
        let shown =
            record.records.count > Self.shown
            ? "The newest \(Self.shown) of \(record.records.count) entries, newest first (all of them: \(practice.apiPath)/record)."
            : "\(record.records.count) entries, newest first."
        let model = RecordPage(
            verified: record.verified,
            entries: record.entries,
            torn: record.tornByCrash,
            problem: record.problem,
            shown: shown,
            rows: Array(rows),
            receiptsAction: "\(practice.pagePath)/receipts",
            csrf: context.csrfToken(),
            canAct: context.may(.manager)
        )
        return state.pages.response("record", model, layout: state.layout("Record", practice: practice, current: "record", context: context))
    }
}

struct RecordPage {
    var verified: Bool
    var entries: Int
    var torn: Bool
    var problem: String?
    var shown: String
    var rows: [RecordRow]
    var receiptsAction: String
    var csrf: String
    var canAct: Bool
}
