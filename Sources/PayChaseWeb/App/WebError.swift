import Hummingbird
import PayChaseJobs

/// A request the web service refuses or could not carry out: the HTTP status and every problem, in
/// the words the command line uses (with the web's own advice where the engine says what it is).
public struct WebError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var lines: [String]
    /// The form field the problem is in (its `name`), so the error summary can link to it.
    public var field: String?

    public init(_ status: HTTPResponse.Status, _ lines: [String], field: String? = nil) {
        self.status = status
        self.lines = lines
        self.field = field
    }

    public init(_ status: HTTPResponse.Status, _ line: String) { self.init(status, [line]) }

    /// A job's failure: a wrong request is 400, bad data 422, a busy Outbox or a server out of
    /// reach 503, and the practice's own settings 500.
    public init(_ error: PayChaseError) {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .usage: .badRequest
            case .invalidData: .unprocessableContent
            case .unavailable, .temporaryFailure: .serviceUnavailable
            case .configuration: .internalServerError
            }
        self.init(status, WebAdvice.lines(error))
    }

    /// A form value that is missing or wrong, named as the form labels it; `name` is the
    /// field's own, for the error summary's link to it.
    public static func badField(_ field: String, _ message: String, name: String? = nil) -> WebError {
        WebError(.badRequest, ["\(field): \(message)"], field: name)
    }
}
