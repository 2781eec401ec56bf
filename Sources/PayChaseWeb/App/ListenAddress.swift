/// Where the web service listens: `127.0.0.1:8080`, `[::1]:8080`, `0.0.0.0:8443`; port 0 picks a free one.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public static let standard = ListenAddress(host: "127.0.0.1", port: 8080)

    /// Reads `HOST:PORT` (an IPv6 host in brackets); nil, with why, when it is not one.
    public static func parse(_ text: String) -> Result<ListenAddress, WebSetupError> {
        let refusal = WebSetupError("--listen '\(text)' must be HOST:PORT, such as 127.0.0.1:8080")
        var host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return .failure(refusal) }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return .failure(refusal) }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }), let port = Int(portText), (0...65535).contains(port) else {
            return .failure(refusal)
        }
        if host == "localhost" { host = "127.0.0.1" }
        return .success(ListenAddress(host: String(host), port: port))
    }

    /// Only this machine can reach it: 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        host == "::1" || host.split(separator: ".").first == "127" && host.split(separator: ".").count == 4
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
