import Foundation
import Hummingbird
import PayChaseJobs

/// JSON as every PayChase JSON output is: pretty, sorted, snake_case keys.
enum JSONReply {
    /// `asWritten` keeps the keys as the record writes them (`paychase log --json`).
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, asWritten: Bool = false) -> Response {
        response(encoded: encoded(value, asWritten: asWritten), status: status)
    }

    /// `value` as the reply's text, to keep and send again.
    static func encoded(_ value: some Encodable, asWritten: Bool = false) -> String {
        let encoder = StatusJSON.encoder
        if asWritten { encoder.keyEncodingStrategy = .useDefaultKeys }
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// JSON already encoded.
    static func response(encoded: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: encoded)))
    }
}
