/// A plain `local@domain` address, checked before it can reach a header or the envelope.
public enum EmailAddress {
    /// An RFC 2047 encoded word (`=?UTF-8?B?QmNj?=`) anywhere in the address: a display
    /// program decodes it, a mail server does not, so the address reads one way and goes another.
    public static func hasEncodedWord(_ text: String) -> Bool {
        guard let start = text.range(of: "=?") else { return false }
        return text[start.upperBound...].contains("?=")
    }

    /// Accepts `manager@riverside.example`; refuses spaces, display names, quotes, controls.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")),
            bytes.lastIndex(of: UInt8(ascii: "@")) == at
        else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, local.first != dot, local.last != dot,
            !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot }),
            local.allSatisfy(isLocalByte)
        else { return false }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.first != hyphen && label.last != hyphen
                    && label.allSatisfy { isAlphanumeric($0) || $0 == hyphen }
            }
    }

    private static let dot = UInt8(ascii: ".")
    private static let hyphen = UInt8(ascii: "-")

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    /// RFC 5322 atext and the dot.
    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~.".utf8.contains(byte)
    }

    /// The part after `@`, used for Message-IDs.
    public static func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
