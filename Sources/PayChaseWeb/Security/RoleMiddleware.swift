import Hummingbird

/// Every POST checks the signed-in person's role before its route runs: connecting or
/// disconnecting the practice mailbox needs an admin, every other action a manager; signing in
/// and out needs none. A service without users (loopback only) has no roles to check.
struct RoleMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let state: WebState

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head, let user = context.identity,
            !["/login", "/logout"].contains(request.uri.path)
        else { return try await next(request, context) }
        let needed = Self.role(for: request.uri.path)
        guard user.role >= needed else {
            state.logger.notice("refused by role", metadata: ["user": "\(user.name)", "role": "\(user.role)", "path": "\(request.uri.path)"])
            throw WebError(
                .forbidden,
                "you are signed in as \(user.name), a \(user.role.rawValue), who may \(user.role.allows); this needs a \(needed.rawValue). An admin can change your role (paychase user add \(user.name) --role \(needed.rawValue))"
            )
        }
        return try await next(request, context)
    }

    /// The role a POST to `path` needs. The evidence pack changes nothing in the record: a
    /// viewer may make it.
    static func role(for path: String) -> WebRole {
        // As the router reads it: empty segments (`//`, a trailing `/`) do not count.
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { $0.lowercased() }
        if parts.count >= 2, parts[parts.count - 2] == "mailbox", ["connect", "disconnect"].contains(parts.last!) { return .admin }
        if parts.count >= 3, parts[parts.count - 3] == "claims", parts.last == "evidence" { return .viewer }
        return .manager
    }
}
