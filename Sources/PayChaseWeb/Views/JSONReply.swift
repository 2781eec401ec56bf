import Foundation
import Hummingbird
import PayChaseJobs

/// JSON as every PayChase JSON output is: pretty, sorted, snake_case keys.
enum JSONReply {
    /// `asWritten` keeps the keys as the record writes them (`paychase log --json`).
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, asWritten: Bool = false) -> Response {
        let encoder = StatusJSON.encoder
        if asWritten { encoder.keyEncodingStrategy = .useDefaultKeys }
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: Array(data) + [0x0A]))
        )
    }
}
