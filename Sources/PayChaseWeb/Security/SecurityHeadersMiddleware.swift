import Foundation
import HTTPTypes
import Hummingbird
import PayChaseJobs

/// Set once for every response, errors included: the Content-Security-Policy (no script at
/// all, the layout's one style block by its hash, forms only to this site, no framing) and the
/// other headers a browser honours. Errors become a page, or JSON under `/api/`, with their message.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let state: WebState

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = render(Self.webError(error, logger: context), request: request, context: context)
        }
        let security: [(HTTPField.Name, String)] = [
            (
                .contentSecurityPolicy,
                "default-src 'none'; style-src \(state.pages.styleSource); img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
            ),
            (.xContentTypeOptions, "nosniff"),
            (HTTPField.Name("X-Frame-Options")!, "DENY"),
            (HTTPField.Name("Referrer-Policy")!, "same-origin"),
            (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
            (HTTPField.Name("Permissions-Policy")!, "camera=(), microphone=(), geolocation=()"),
        ]
        for (name, value) in security { response.headers[name] = value }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if state.configuration.behindTLS { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }

    /// Any error as the web service says it: ours as they are, Hummingbird's by status, anything else
    /// logged and said plainly (its text may hold what a page should not show).
    static func webError(_ error: any Error, logger context: WebContext) -> WebError {
        switch error {
        case let error as WebError:
            return error
        case let error as PayChaseError:
            return WebError(error)
        case let error as HTTPError where error.status == .contentTooLarge:
            return WebError(.contentTooLarge, "the request is larger than PayChase accepts")
        case let error as HTTPError where error.status == .notFound:
            return WebError(.notFound, "there is no such page")
        case let error as HTTPError:
            return WebError(error.status, error.body ?? error.status.reasonPhrase)
        default:
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return WebError(.internalServerError, "PayChase could not do that; the service's log says why")
        }
    }

    private func render(_ error: WebError, request: Request, context: WebContext) -> Response {
        if request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" {
            return JSONReply.response(ErrorJSON(status: Int(error.status.code), problems: error.lines), status: error.status)
        }
        let layout = state.layout(error.status.reasonPhrase, practice: nil, current: "", context: context)
        let back = Self.back(request)
        // NHS.UK's error summary: each problem links to the field it is about, on the form's page.
        // The sign-in form's fields are named as they are; every other form's are `form-name`.
        let link = error.field.flatMap { field in
            request.uri.path == "/login" ? "/login#\(field)" : request.uri.path.split(separator: "/").last.map { "\(back)#\($0)-\(field)" }
        }
        let model = ErrorPage(
            heading: Self.heading(error.status),
            problems: error.lines.map { ErrorPage.Problem(text: $0, href: link) },
            back: back,
            isFormError: request.method == .post
        )
        return state.pages.response("error", model, layout: layout, status: error.status)
    }

    static func heading(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400, 422: "That could not be done"
        case 401: "Please log in"
        case 403: "Refused"
        case 404: "Not found"
        case 413: "Too large"
        case 503: "Try again in a moment"
        default: "Something went wrong"
        }
    }

    /// The page the form was on: the path, up to the claim.
    static func back(_ request: Request) -> String {
        let path = request.uri.path
        if path == "/login" { return "/login" }
        guard request.method == .post, let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}

struct ErrorPage {
    struct Problem {
        var text: String
        /// The field on the form's page, when the problem is in one.
        var href: String?
    }

    var heading: String
    var problems: [Problem]
    var back: String
    /// A form's problem: said as NHS.UK's error summary ("There is a problem").
    var isFormError: Bool
}

/// `{"error": {"status": 400, "problems": ["..."]}}`.
struct ErrorJSON: Encodable {
    struct Body: Encodable {
        var status: Int
        var problems: [String]
    }

    var error: Body

    init(status: Int, problems: [String]) { error = Body(status: status, problems: problems) }
}
