extension String {
    /// True when the text has CR, LF, NUL or another control character (tab aside)
    /// that must never reach a mail header or an SMTP envelope.
    public var hasHeaderUnsafeCharacters: Bool {
        unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
        }
    }

    public var hasNUL: Bool { unicodeScalars.contains("\0") }
}

/// A plain `local@domain` address, checked before it can reach a header or the envelope.
public enum EmailAddress {
    private static let localSpecials = Set("!#$%&'*+-/=?^_`{|}~.")

    /// Accepts `manager@riverside.example`; refuses spaces, display names, quotes, controls.
    public static func isValid(_ text: String) -> Bool {
        guard text.count <= 254, !text.hasHeaderUnsafeCharacters else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
              local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || localSpecials.contains($0)) })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// The part after `@`, used for Message-IDs.
    public static func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
