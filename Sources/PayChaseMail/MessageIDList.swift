/// Message-IDs in a field such as In-Reply-To, References or Original-Message-ID, bare:
/// `<a1@host> <b2@host>` gives `a1@host`, `b2@host`.
enum MessageIDList {
    /// At most this many from one field; a References chain longer than this is cut at its oldest end.
    static let maxIDs = 100

    static func ids(in value: String) -> [String] {
        var ids: [String] = []
        var current: String.UnicodeScalarView?
        for scalar in value.unicodeScalars {
            if scalar == "<" {
                current = String.UnicodeScalarView()
            } else if scalar == ">" {
                if let id = current.map({ String($0).trimmingWhitespace }), !id.isEmpty { ids.append(id) }
                current = nil
            } else {
                current?.append(scalar)
            }
        }
        if ids.isEmpty {
            // Some servers write a bare id (`Message-ID: 0000ff00-2222@host`); comments are dropped.
            ids = withoutComments(value).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init).filter { !$0.isEmpty }
        }
        return Array(ids.suffix(maxIDs))
    }

    /// The first id in the field, for a field that names one message.
    static func first(in value: String?) -> String? {
        value.flatMap { ids(in: $0).first }
    }

    private static func withoutComments(_ value: String) -> String {
        var depth = 0
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar == "(" {
                depth += 1
            } else if scalar == ")", depth > 0 {
                depth -= 1
            } else if depth == 0 {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
