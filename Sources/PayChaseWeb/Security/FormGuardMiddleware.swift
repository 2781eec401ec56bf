import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit

/// Every POST: its body collected within a limit (413, with a message, past it), then refused
/// with 403 unless it carries the session's CSRF token (a `csrf` form field, or an
/// `X-CSRF-Token` header).
struct FormGuardMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let state: WebState

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        let upload = request.uri.path.hasSuffix("/import") || request.uri.path.hasSuffix("/bank")
        let limit = upload ? state.configuration.maxUploadBytes : state.configuration.maxFormBytes
        let what = request.uri.path.hasSuffix("/bank") ? "a statement; nothing was recorded" : "a claims file; nothing was replaced"
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw Self.tooLarge(limit, upload: upload ? what : nil) }
        let body: ByteBuffer
        do { body = try await request.collectBody(upTo: limit) } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Self.tooLarge(limit, upload: upload ? what : nil)
        }
        guard let expected = context.sessions.session?.csrf, let given = Self.token(in: body, request: request),
            Self.same(given, expected)
        else {
            throw WebError(
                .forbidden,
                "this form has no valid CSRF token (it is old, or it did not come from this PayChase); go back, reload the page and try again"
            )
        }
        return try await next(request, context)
    }

    /// `upload`: what the file is, and what was not done ("a claims file; nothing was replaced").
    static func tooLarge(_ limit: Int, upload: String?) -> WebError {
        let size = limit >= 1024 * 1024 ? "\(limit / (1024 * 1024)) MB" : "\(limit / 1024) KB"
        return WebError(
            .contentTooLarge,
            upload.map { "the file is larger than \(size), the most PayChase accepts for \($0)" }
                ?? "the form is larger than \(size), the most PayChase accepts"
        )
    }

    /// The token the request carries, from a header, a URL-encoded form or a multipart form.
    static func token(in body: ByteBuffer, request: Request) -> String? {
        if let header = request.headers[HTTPField.Name("X-CSRF-Token")!] { return header }
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = MultipartBoundary.of(type) else { return nil }
            return (try? FormDataDecoder().decode(TokenField.self, from: body, boundary: boundary))?.csrf
        }
        return FormText.fields(String(buffer: body))["csrf"]
    }

    /// Compares in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    struct TokenField: Decodable {
        var csrf: String?
    }
}

/// The boundary parameter of a multipart Content-Type.
enum MultipartBoundary {
    static func of(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            return parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
