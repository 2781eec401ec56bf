import Hummingbird
import Logging

/// Logs each request at debug level, as Hummingbird's own does, but never a calendar link's
/// secret: `/calendar/<secret>.ics` is logged as `/calendar/[secret].ics`.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        context.logger.debug("request", metadata: ["hb.request.method": "\(request.method)", "hb.request.path": "\(Self.shown(request.uri.path))"])
        return try await next(request, context)
    }

    static func shown(_ path: String) -> String {
        guard CalendarController.isSubscriptionPath(path), let range = path.range(of: "/calendar/", options: .backwards) else { return path }
        return path[..<range.upperBound] + "[secret].ics"
    }
}
