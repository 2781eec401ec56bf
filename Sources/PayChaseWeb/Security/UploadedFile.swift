import Foundation
import Hummingbird
import MultipartKit

/// The one file an upload form sends (multipart/form-data), read up to the upload limit: what
/// the Import and Bank pages share.
enum UploadedFile {
    /// The file in `Form`'s `file` field; `page` and `field` name the form in the refusal when
    /// the request is not that form, `label` the field when the file is missing or empty.
    static func read<Form: Decodable>(
        _ request: Request,
        as form: Form.Type,
        file: KeyPath<Form, Data?>,
        limit: Int,
        page: String,
        field: String,
        label: String
    ) async throws -> Data {
        var request = request
        let body = try await request.collectBody(upTo: limit)
        guard let boundary = MultipartBoundary.of(request.headers[.contentType] ?? ""),
            let decoded = try? FormDataDecoder().decode(Form.self, from: body, boundary: boundary)
        else {
            throw WebError(.badRequest, "send the \(page) (multipart/form-data with a '\(field)' file)")
        }
        guard let data = decoded[keyPath: file], !data.isEmpty else { throw WebError.badField(label, "is missing or empty") }
        return data
    }
}
