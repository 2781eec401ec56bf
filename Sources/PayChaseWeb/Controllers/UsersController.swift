import Foundation
import Hummingbird
import PayChaseDomain

/// `/users`, for an admin: who may sign in, with what role, and which accounts and addresses
/// are waiting after failed sign-ins (which the person signing in is never told).
struct UsersController {
    let state: WebState

    func register(on router: Router<WebContext>) {
        router.get("users", use: page)
    }

    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        guard let user = context.identity, user.role == .admin else {
            throw WebError(
                .forbidden,
                "only an admin sees the users; you may \(context.identity?.role.allows ?? "see the pages of a service without users")"
            )
        }
        let now = state.configuration.clock.now()
        let limits = state.signInLimits
        let users = state.knownUsers().sorted { $0.key < $1.key }.map { name, known in
            UsersPage.Row(name: name, role: known.role.rawValue, state: Self.state(limits, SignInLimiter.accountKey(name), now))
        }
        let addresses = limits.all().filter { $0.key.hasPrefix("address ") }.map { key, failures in
            UsersPage.Row(name: String(key.dropFirst("address ".count)), role: "", state: Self.state(limits, key, now))
        }
        let model = UsersPage(users: users, addresses: addresses, hasAddresses: !addresses.isEmpty)
        return state.pages.response("users", model, layout: state.layout("Users", practice: nil, current: "users", context: context))
    }

    /// `locked until 14:32 after 6 failed sign-ins`, `2 failed sign-ins`, or `-`.
    static func state(_ limits: SignInLimiter, _ key: String, _ now: Date) -> String {
        if let locked = limits.locked([key], at: now) {
            return "locked until \(LondonTime.clock(locked.until)) after \(locked.failures) failed sign-ins"
        }
        guard let failures = limits.all().first(where: { $0.key == key })?.failures else { return "-" }
        return "\(failures.count) failed sign-in\(failures.count == 1 ? "" : "s"), the last at \(LondonTime.clock(failures.last))"
    }
}

struct UsersPage {
    struct Row {
        var name: String
        var role: String
        var state: String
    }

    var users: [Row]
    var addresses: [Row]
    var hasAddresses: Bool
}
