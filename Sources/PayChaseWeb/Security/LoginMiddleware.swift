import Hummingbird
import HummingbirdAuth

/// Once the users file names anyone, every page and every `/api/` route needs a login, on
/// loopback too: a page is sent to the login form, JSON gets 401.
struct LoginMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let state: WebState

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        // A calendar's secret link is its own key: the controller checks it.
        guard context.identity == nil, state.loginRequired, request.uri.path != "/login",
            !(request.method == .get && CalendarController.isSubscriptionPath(request.uri.path))
        else {
            return try await next(request, context)
        }
        if request.uri.path.hasPrefix("/api/") || request.method != .get {
            throw WebError(.unauthorized, "log in first: this PayChase has users, so every page needs a login")
        }
        let target = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
        return Response(status: .seeOther, headers: [.location: "/login?next=\(FormText.percentEncoded(target))"])
    }
}

/// Finds the logged-in user from the session, while the users file still names them with the
/// password they signed in with: `paychase user remove` or a new password ends the session.
func sessionAuthenticator(_ state: WebState) -> some RouterMiddleware<WebContext> {
    SessionAuthenticator(context: WebContext.self) { (session: WebSession, _) in
        guard let name = session.user, let known = state.knownUsers()[name], session.password == known.password else { return nil }
        return WebUser(name: name, role: known.role)
    }
}
