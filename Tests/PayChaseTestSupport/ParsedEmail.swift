import Foundation

/// An .eml as Python's `email` package reads it: an independent check of what PayChase writes.
public struct ParsedEmail: Decodable, Sendable {
    public var headers: [[String]]
    /// Header values decoded strictly by RFC 2047, for display names Python's parser gets wrong.
    public var rfc2047Headers: [[String]]
    public var defects: [String]
    public var contentType: String
    public var charset: String?
    public var transferEncoding: String?
    public var body: String?
    public var fromAddresses: [String]
    public var toAddresses: [String]
    public var toNames: [String]
    public var fromNames: [String]
    public var attachments: [Attachment]

    /// An attached file, decoded: its name, type and the SHA-256 of its bytes.
    public struct Attachment: Decodable, Sendable {
        public var filename: String?
        public var contentType: String
        public var transferEncoding: String?
        public var sha256: String
        public var size: Int

        enum CodingKeys: String, CodingKey {
            case filename, sha256, size
            case contentType = "content_type"
            case transferEncoding = "transfer_encoding"
        }
    }

    enum CodingKeys: String, CodingKey {
        case headers, defects, charset, body, attachments
        case rfc2047Headers = "rfc2047_headers"
        case contentType = "content_type"
        case transferEncoding = "transfer_encoding"
        case fromAddresses = "from_addresses"
        case toAddresses = "to_addresses"
        case toNames = "to_names"
        case fromNames = "from_names"
    }

    /// Every value of a header, decoded (RFC 2047 words become text).
    public func values(_ name: String) -> [String] {
        headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
    }

    public func header(_ name: String) -> String? { values(name).first }

    /// A header as `email.header` decodes it: encoded words joined as RFC 2047 section 6.2 says,
    /// where `policy.default` leaves a space between two encoded words of one display name
    /// (CPython issue gh-128110).
    public func rfc2047Header(_ name: String) -> String? {
        rfc2047Headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }

    /// Parses the file at `path` with `python3`.
    public static func parse(path: String) throws -> ParsedEmail {
        let script = TestPaths.support.appendingPathComponent("parse_eml.py").path
        let result = try Command.run("/usr/bin/env", ["python3", script, path])
        guard result.status == 0 else { throw CommandFailure(result: result) }
        return try JSONDecoder().decode(ParsedEmail.self, from: Data(result.stdout.utf8))
    }

    public static func parse(bytes: [UInt8]) throws -> ParsedEmail {
        let path = NSTemporaryDirectory() + "paychase-\(UUID().uuidString).eml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try parse(path: path)
    }
}
