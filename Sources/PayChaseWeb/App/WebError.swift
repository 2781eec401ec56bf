import Hummingbird
import PayChaseJobs

/// A request the web service refuses or could not carry out: the HTTP status and every problem, in
/// the words the command line uses (with the web's own advice where the engine says what it is).
public struct WebError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var lines: [String]

    public init(_ status: HTTPResponse.Status, _ lines: [String]) {
        self.status = status
        self.lines = lines
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

    /// A form value that is missing or wrong, named as the form names it.
    public static func badField(_ field: String, _ message: String) -> WebError {
        WebError(.badRequest, "\(field): \(message)")
    }
}
