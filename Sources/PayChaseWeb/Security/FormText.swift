import Foundation
import Hummingbird
import PayChaseDomain

/// A submitted form's fields, each checked before a job sees it: one line, no control
/// characters (so nothing from a form can reach an email header or the record as two lines).
struct FormText: Sendable {
    let fields: [String: String]
    /// Every value of each name, in order, for a field that repeats (a column of ticked boxes).
    let repeated: [String: [String]]

    /// The fields of the request's (already collected) URL-encoded body.
    init(_ request: Request) async throws {
        var request = request
        let body = try await request.collectBody(upTo: 1024 * 1024)
        fields = Self.fields(String(buffer: body))
        repeated = Self.allFields(String(buffer: body))
    }

    init(fields: [String: String]) {
        self.fields = fields
        repeated = fields.mapValues { [$0] }
    }

    /// Every value given for `name`.
    func all(_ name: String) -> [String] { repeated[name] ?? [] }

    static func allFields(_ text: String) -> [String: [String]] {
        var components = URLComponents()
        components.percentEncodedQuery = text.replacingOccurrences(of: "+", with: "%20")
        var fields: [String: [String]] = [:]
        for item in components.queryItems ?? [] { fields[item.name, default: []].append(item.value ?? "") }
        return fields
    }

    /// `a=1&b=two+words` → ["a": "1", "b": "two words"]; the first of a repeated name wins.
    static func fields(_ text: String) -> [String: String] {
        var components = URLComponents()
        components.percentEncodedQuery = text.replacingOccurrences(of: "+", with: "%20")
        var fields: [String: String] = [:]
        for item in components.queryItems ?? [] where fields[item.name] == nil { fields[item.name] = item.value ?? "" }
        return fields
    }

    /// The field's value, trimmed; nil when it is absent or empty. A line break or control
    /// character is refused (400), as the command line refuses it.
    func optional(_ name: String, label: String) throws(WebError) -> String? {
        guard let raw = fields[name] else { return nil }
        let value = raw.trimmingSpaces()
        if value.hasHeaderUnsafeCharacters {
            throw WebError.badField(label, "contains a line break or control character; it must be one line", name: name)
        }
        return value.isEmpty ? nil : value
    }

    /// The field's value; a 400 naming the field when it is missing.
    func required(_ name: String, label: String) throws(WebError) -> String {
        guard let value = try optional(name, label: label) else { throw WebError.badField(label, "is missing", name: name) }
        return value
    }

    /// A date as the command line reads it (`2026-11-22` or `22/11/2026`); `fallback` when empty.
    func date(_ name: String, label: String, fallback: CalendarDate) throws(WebError) -> CalendarDate {
        try optionalDate(name, label: label) ?? fallback
    }

    /// An optional date; nil when empty.
    func optionalDate(_ name: String, label: String) throws(WebError) -> CalendarDate? {
        guard let text = try optional(name, label: label) else { return nil }
        do { return try CalendarDate(parsing: text) } catch { throw WebError.badField(label, error.description, name: name) }
    }

    /// Percent-encodes a path and query for a `next=` parameter.
    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? "/"
    }
}
