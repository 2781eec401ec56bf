import HTTPTypes
import Hummingbird

/// Who is asking: the connection's peer, or, behind a TLS proxy given with `--trusted-proxy`,
/// the address the proxy says it served (`X-Forwarded-For`'s last entry) and the scheme the
/// browser used (`X-Forwarded-Proto`). Those headers from any other peer are ignored: anyone
/// can write them.
struct ClientAddress: Sendable {
    var address: String
    /// `https` or `http` as the proxy saw it; nil when not behind a trusted proxy.
    var scheme: String?

    init(_ request: Request, context: WebContext, trusted proxies: [String]) {
        let peer = context.peerAddress ?? "unknown"
        guard proxies.contains(peer) else {
            address = peer
            scheme = nil
            return
        }
        let forwarded = request.headers[values: HTTPField.Name("X-Forwarded-For")!].joined(separator: ",").split(separator: ",")
        address = forwarded.last.map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } ?? peer
        scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!].map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
    }
}
