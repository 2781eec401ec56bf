import Hummingbird

/// Behind a TLS proxy (`--behind-tls --trusted-proxy ADDRESS`): a request the proxy says came
/// over plain HTTP is sent to the same page over HTTPS, so no password or session crosses the
/// network readable. Only the trusted proxy's word counts.
struct ProxyMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let state: WebState

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let configuration = state.configuration
        guard configuration.behindTLS, !configuration.trustedProxies.isEmpty,
            ClientAddress(request, context: context, trusted: configuration.trustedProxies).scheme == "http",
            let host = request.head.authority, !host.hasHeaderUnsafeCharacters
        else { return try await next(request, context) }
        return Response(
            status: .permanentRedirect,
            headers: [.location: "https://\(host)\(request.uri.path)\(request.uri.query.map { "?\($0)" } ?? "")"]
        )
    }
}
