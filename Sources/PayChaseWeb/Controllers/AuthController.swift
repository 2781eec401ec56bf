import Hummingbird
import HummingbirdAuth
import PayChaseDomain
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

    /// What anyone refused is told, whether the password was wrong or the account or address
    /// is waiting after too many failures: only the log and the admin's Users page tell them apart.
    static let refusal = "that name and password do not match a PayChase user"

    @Sendable func login(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await FormText(request)
        let next = Self.safeNext(form.fields["next"])
        guard let name = try form.optional("name", label: "Name"), let password = form.fields["password"], !password.isEmpty else {
            return page(context, next: next, problem: "give your name and password", status: .unauthorized)
        }
        let address = ClientAddress(request, context: context, trusted: state.configuration.trustedProxies).address
        let keys = [SignInLimiter.accountKey(name), SignInLimiter.addressKey(address)]
        let now = state.configuration.clock.now()
        if let locked = state.signInLimits.attempt(keys, at: now) {
            // Refused without looking at the password, so waiting is the only way on.
            state.logger.warning(
                "login refused: locked",
                metadata: [
                    "user": "\(name)", "address": "\(address)", "locked": "\(locked.key)", "failures": "\(locked.failures)",
                    "until": "\(LondonTime.clock(locked.until))",
                ]
            )
            return page(context, next: next, problem: Self.refusal, status: .unauthorized)
        }
        let users = state.users
        let user = await Blocking.run { users.verify(name, password: password) }
        guard let user else {
            // Counted already, as `attempt` let it through.
            state.logger.notice("login refused: wrong name or password", metadata: ["user": "\(name)", "address": "\(address)"])
            return page(context, next: next, problem: Self.refusal, status: .unauthorized)
        }
        state.signInLimits.succeeded(account: keys[0], address: keys[1])
        context.sessions.createSession(WebSession(user: user.name, password: user.password))
        state.logger.info("logged in", metadata: ["user": "\(user.name)"])
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
