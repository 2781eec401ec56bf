import Hummingbird
import HummingbirdAuth
import PayChaseJobs

/// Logging in and out (`/login`, `/logout`), against the users file's bcrypt hashes. A login
/// starts a new session (a new id and CSRF token), so a session fixed before it is worth nothing.
struct AuthController {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("login") { request, context in
            page(context, next: Self.safeNext(request.uri.queryParameters["next"].map(String.init)), problem: nil, status: .ok)
        }
        router.post("login", use: login)
        router.post("logout") { _, context in
            context.sessions.clearSession()
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
    }

    @Sendable func login(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await FormText(request)
        let next = Self.safeNext(form.fields["next"])
        guard let name = try form.optional("name", label: "Name"), let password = form.fields["password"], !password.isEmpty else {
            return page(context, next: next, problem: "give your name and password", status: .unauthorized)
        }
        let users = state.users
        let user = await Blocking.run { users.verify(name, password: password) }
        guard let user else {
            state.logger.notice("login refused", metadata: ["user": "\(name)"])
            return page(context, next: next, problem: "that name and password do not match a PayChase user", status: .unauthorized)
        }
        context.sessions.createSession(WebSession(user: user))
        state.logger.info("logged in", metadata: ["user": "\(user)"])
        return Response(status: .seeOther, headers: [.location: next])
    }

    func page(_ context: WebContext, next: String, problem: String?, status: HTTPResponse.Status) -> Response {
        let model = LoginPage(csrf: context.csrfToken(), next: next, problem: problem)
        return state.pages.response("login", model, layout: state.layout("Log in", practice: nil, current: "", context: context), status: status)
    }

    /// A path on this site to go to after logging in; anything else (another site, `//host`) is `/`.
    static func safeNext(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), !text.hasHeaderUnsafeCharacters else { return "/" }
        return text
    }
}

struct LoginPage {
    var csrf: String
    var next: String
    var problem: String?
}
