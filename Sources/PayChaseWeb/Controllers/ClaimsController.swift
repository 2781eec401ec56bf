import Hummingbird
import PayChaseDomain
import PayChaseJobs

/// The claims table (`/claims`) and its JSON (`/api/claims`): sorted by any column, filtered by
/// paymaster and next step (`?paymaster=icb&next=send&sort=outstanding&order=desc`).
struct ClaimsController {
    let state: WebState
    let practice: ServedPractice

    func register(pages: RouterGroup<WebContext>, api: RouterGroup<WebContext>) {
        pages.get("claims", use: page)
        api.get("claims") { request, _ in
            var report = try await state.status(practice)
            report.rows = try ClaimsQuery(request.uri.queryParameters).apply(to: report.rows)
            return JSONReply.response(StatusJSON(report))
        }
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        let query = try ClaimsQuery(request.uri.queryParameters)
        let (pages, base) = (state.pages, "\(practice.pagePath)/claims")
        let content = try await state.view(practice, key: "claims\u{0}\(query.key)") { report in
            pages.render("claims", ClaimsPage(report: report, query: query, base: base))
        }
        return pages.response(content: content, layout: state.layout("Claims", practice: practice, current: "claims", context: context))
    }
}

/// What the claims table shows: the filters and the sort, each checked.
struct ClaimsQuery {
    enum Column: String, CaseIterable {
        case claim, service, paymaster, outstanding, due, overdue, next
    }

    var paymaster: PaymasterRole?
    var next: NextStep.Action?
    var sort: Column?
    var descending: Bool
    /// The page of the table, from 1; the JSON has every claim.
    var page = 1

    init(_ parameters: Parameters) throws(WebError) {
        func value(_ name: String) throws(WebError) -> String? {
            guard let text = parameters[Substring(name)].map(String.init), !text.isEmpty else { return nil }
            if text.hasHeaderUnsafeCharacters { throw WebError.badField(name, "contains a line break or control character") }
            return text
        }
        if let text = try value("paymaster") {
            guard let role = PaymasterRole(rawValue: text) else {
                throw WebError.badField("paymaster", "'\(text)' is not one of \(PaymasterRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            paymaster = role
        }
        if let text = try value("next") {
            guard let action = NextStep.Action(rawValue: text) else {
                throw WebError.badField("next", "'\(text)' is not one of \(ClaimsPage.steps.map(\.rawValue).joined(separator: ", "))")
            }
            next = action
        }
        if let text = try value("sort") {
            guard let column = Column(rawValue: text) else {
                throw WebError.badField("sort", "'\(text)' is not one of \(Column.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            sort = column
        }
        let order = try value("order") ?? "asc"
        guard order == "asc" || order == "desc" else { throw WebError.badField("order", "'\(order)' is not asc or desc") }
        descending = order == "desc"
        if let text = try value("page") {
            guard let number = Int(text), number >= 1 else { throw WebError.badField("page", "'\(text)' is not a page number") }
            page = number
        }
    }

    /// Everything the query asks for, as one string: two queries with the same key show the same page.
    var key: String {
        [paymaster?.rawValue ?? "", next?.rawValue ?? "", sort?.rawValue ?? "", descending ? "desc" : "asc", String(page)].joined(separator: "\u{0}")
    }

    func apply(to rows: [StatusReport.Row]) -> [StatusReport.Row] {
        var shown = rows.indices.filter { index in
            (paymaster == nil || rows[index].paymaster == paymaster!.rawValue) && (next == nil || rows[index].nextStep.action == next!)
        }
        if let sort {
            shown.sort { a, b in
                let order = Self.compare(rows[a], rows[b], by: sort)
                return order == 0 ? a < b : (descending ? order > 0 : order < 0)
            }
        }
        return shown.map { rows[$0] }
    }

    private static func compare(_ a: StatusReport.Row, _ b: StatusReport.Row, by column: Column) -> Int {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch column {
        case .claim: return order(a.claimID, b.claimID)
        case .service: return order(a.service, b.service)
        case .paymaster: return order(a.paymasterName, b.paymasterName)
        case .outstanding: return order(a.outstanding, b.outstanding)
        case .due: return order(a.dueOn, b.dueOn)
        case .overdue: return order(a.daysOverdue, b.daysOverdue)
        case .next: return order(a.nextStep.summary, b.nextStep.summary)
        }
    }
}
