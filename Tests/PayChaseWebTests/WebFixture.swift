import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PayChaseJobs
import PayChaseTestSupport
import PayChaseWeb
import Testing

/// A practice folder served in-process, on 22 November 2026 (London) unless told otherwise.
struct WebFixture {
    let folder: PracticeFolder
    var configuration: WebConfiguration

    static let day = ISO8601DateFormatter().date(from: "2026-11-22T12:00:00Z")!

    init(folder: PracticeFolder? = nil, listen: String = "127.0.0.1:8080", behindTLS: Bool = false) throws {
        let folder = try folder ?? PracticeFolder()
        self.folder = folder
        let practice = ServedPractice.inFolder(folder.path, slug: "", builtinTemplates: TestPaths.templates.path)
        configuration = WebConfiguration(
            listen: try ListenAddress.parse(listen).get(),
            practices: [practice],
            several: false,
            usersFile: "\(folder.path)/paychase-users.json",
            behindTLS: behindTLS
        )
        configuration.clock = .fixed(Self.day)
    }

    /// Adds a user (bcrypt at its lowest cost, to keep the tests quick).
    func addUser(_ name: String, password: String, role: WebRole? = nil) throws {
        try UserStore(path: configuration.usersFile).add(name, password: password, role: role, cost: 4)
    }

    /// A logger that says nothing, so the test output is the tests'.
    static let quiet = Logger(label: "paychase.test") { _ in SwiftLogNoOpLogHandler() }

    func application() async throws -> some ApplicationProtocol {
        try await PayChaseServer.application(configuration, logger: Self.quiet).application
    }

    /// Runs `test` against the service in-process, with a fresh browser.
    func test(_ test: @escaping @Sendable (inout Browser) async throws -> Void) async throws {
        try await application().test(.router) { client in
            var browser = Browser(client: client)
            try await test(&browser)
        }
    }
}

/// A browser in a test: it keeps the session cookie and reads forms' CSRF tokens and keys.
struct Browser {
    let client: any TestClientProtocol
    var cookie: String?
    /// The `Set-Cookie` of the last response that set one.
    var lastSetCookie: String?

    init(client: any TestClientProtocol) { self.client = client }

    mutating func get(_ path: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// A URL-encoded form.
    mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> Page {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    /// A multipart form with one file.
    mutating func upload(_ path: String, csrf: String, file: String, named name: String = "claims") async throws -> Page {
        let boundary = "----paychase-test-boundary"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"claims.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n"
        body += "--\(boundary)--\r\n"
        return try await send(
            path,
            method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(string: body)
        )
    }

    mutating func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if let cookie { headers[.cookie] = cookie }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: body)
        if let set = response.headers[.setCookie] {
            lastSetCookie = set
            let pair = String(set.split(separator: ";")[0])
            let value = pair.split(separator: "=", maxSplits: 1).dropFirst().first ?? ""
            cookie = value.isEmpty || set.contains("Max-Age=0") ? nil : pair
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body), bytes: Array(buffer: response.body))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

/// A response as a test reads it.
struct Page {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
    var bytes: [UInt8]

    /// The value of the first `<input name="NAME" value="...">`.
    func input(_ name: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = body[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    var csrf: String? { input("csrf") }

    var location: String? { headers[.location] }

    /// The page's text with HTML entities for quotes and ampersands read back.
    var text: String {
        body.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }

    func json() throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]) }
}
