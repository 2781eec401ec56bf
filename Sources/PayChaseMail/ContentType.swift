/// A Content-Type value: `type/subtype` in lower case and its parameters by lower-case name.
public struct ContentType: Sendable, Hashable {
    public let type: String
    public let subtype: String
    /// Parameter values as written, without quotes; the first of a name wins.
    public let parameters: [String: String]

    public init(type: String, subtype: String, parameters: [String: String] = [:]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// `type/subtype`, such as `multipart/report`.
    public var mediaType: String { "\(type)/\(subtype)" }

    /// The parameter called `name`, in any case.
    public subscript(parameter name: String) -> String? { parameters[name.lowercased()] }

    /// RFC 2045's default for a part without a Content-Type.
    public static let textPlain = ContentType(type: "text", subtype: "plain")
    /// RFC 2046's default inside multipart/digest.
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")
}

extension ContentType {
    /// Reads `type/subtype; name=value; name="quoted value"`. A media type that is not
    /// `type/subtype` reads as text/plain, as RFC 2045 says, keeping any parameters.
    public init(parsing value: String) {
        // The media type runs to the first `;`; the parameters are read from there.
        let semicolon = value.utf8.firstIndex(of: UInt8(ascii: ";")) ?? value.endIndex
        let media = String(value[..<semicolon])
        let pieces = media.trimmingWhitespace.lowercased().split(separator: "/", omittingEmptySubsequences: false)
        var type = "text"
        var subtype = "plain"
        if pieces.count == 2 {
            let first = String(pieces[0]).trimmingWhitespace
            let second = String(pieces[1]).trimmingWhitespace
            if Self.isToken(first), Self.isToken(second) {
                type = first
                subtype = second
            }
        }
        let parameters = semicolon == value.endIndex ? [:] : Self.parameters(Array(value[semicolon...].unicodeScalars), from: 0)
        self.init(type: type, subtype: subtype, parameters: parameters)
    }

    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && !"()<>@,;:\\\"/[]?=".unicodeScalars.contains($0) }
    }

    /// `; name=value` pairs from `index` on. `name*=charset''percent-encoded` (RFC 2231) is
    /// decoded when no plain parameter of that name came first; continuations are not joined.
    private static func parameters(_ scalars: [Unicode.Scalar], from start: Int) -> [String: String] {
        var parameters: [String: String] = [:]
        var index = start
        while index < scalars.count {
            while index < scalars.count, scalars[index] == ";" || String.isMailWhitespace(scalars[index]) { index += 1 }
            var name = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";" {
                name.append(scalars[index])
                index += 1
            }
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            while index < scalars.count, String.isMailWhitespace(scalars[index]) { index += 1 }
            var value = String.UnicodeScalarView()
            let quoted = index < scalars.count && scalars[index] == "\""
            if quoted {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    value.append(scalars[index])
                    index += 1
                }
                index += 1
            } else {
                while index < scalars.count, scalars[index] != ";" {
                    value.append(scalars[index])
                    index += 1
                }
            }
            var key = String(name).trimmingWhitespace.lowercased()
            var text = String(value)
            if key.hasSuffix("*") {
                key.removeLast()
                text = extendedValue(text.trimmingWhitespace)
            } else if !quoted {
                text = text.trimmingWhitespace
            }
            if !key.isEmpty, parameters[key] == nil { parameters[key] = text }
        }
        return parameters
    }

    /// RFC 2231 `charset'language'percent-encoded`.
    private static func extendedValue(_ text: String) -> String {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return text }
        let bytes = HexEscapes.decode(Array(pieces[2].utf8)[...], marker: UInt8(ascii: "%"))
        return Charset.decode(bytes[...], charset: String(pieces[0]))
    }
}
