/// An HTTPS POST of a form (`application/x-www-form-urlencoded`), as OAuth 2.0 token and device
/// authorization endpoints take it. Redirects are not followed and only https:// is spoken.
public struct HTTPForm: Sendable {
    public struct Response: Sendable {
        /// The HTTP status code.
        public var status: Int
        public var body: [UInt8]
    }

    public var url: String
    public var fields: [(name: String, value: String)]
    /// A CA bundle to verify the server with, instead of the system's.
    public var caFile: String?
    public var timeoutSeconds = 30

    public init(url: String, fields: [(name: String, value: String)], caFile: String?) {
        self.url = url
        self.fields = fields
        self.caFile = caFile
    }

    /// The form as it goes on the wire.
    public var encoded: String {
        fields.map { "\(Self.escape($0.name))=\(Self.escape($0.value))" }.joined(separator: "&")
    }

    /// Posts the form. Throws when no HTTP answer came (connection, TLS); any status is returned.
    public func post() throws(CurlError) -> Response {
        guard url.lowercased().hasPrefix("https://") else { throw CurlError("'\(url)' must start with https://") }
        let curl = try CurlHandle()
        var body: [UInt8] = []
        curl.onDownload = { body.append(contentsOf: $0) }
        try curl.setURL(url)
        try curl.setTLS(required: false, verify: true, caFile: caFile)
        try curl.setTimeouts(connectSeconds: 20, totalSeconds: timeoutSeconds)
        try curl.setPost(encoded)
        let outcome = curl.perform()
        guard outcome.succeeded else { throw CurlError("could not reach \(Self.origin(of: url)): \(outcome.message)") }
        return Response(status: curl.responseCode, body: body)
    }

    /// `https://host:port`, for messages.
    public static func origin(of url: String) -> String {
        let rest = url.split(separator: "://", maxSplits: 1).last.map(String.init) ?? url
        let host = rest.split(separator: "/").first.map(String.init) ?? rest
        return "https://\(host)"
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
