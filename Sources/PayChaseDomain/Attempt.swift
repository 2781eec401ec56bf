/// A document the practice sent about a claim, as the record proves: an email the server
/// accepted, or a letter recorded as posted.
public struct Attempt: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable {
        case email
        case post
    }

    public var template: String
    public var date: CalendarDate
    public var method: Method
    /// Who it went to, as the record names them (an email address or a body's name).
    public var to: String?

    public init(template: String, date: CalendarDate, method: Method = .email, to: String? = nil) {
        self.template = template
        self.date = date
        self.method = method
        self.to = to
    }
}
