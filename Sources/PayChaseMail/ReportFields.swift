/// The field groups of a machine-readable report part (message/delivery-status,
/// message/disposition-notification): header-like fields in blocks separated by blank lines.
enum ReportFields {
    /// More groups than this in one report are dropped.
    static let maxGroups = 500

    static func groups(_ bytes: ArraySlice<UInt8>) -> [MIMEHeader] {
        var groups: [MIMEHeader] = []
        var position = bytes.startIndex
        while position < bytes.endIndex, groups.count < maxGroups {
            position = afterBlankLines(bytes, from: position)
            guard position < bytes.endIndex else { break }
            let (group, next) = MIMEHeader.parse(bytes[position...], skippingEnvelope: false)
            if !group.fields.isEmpty { groups.append(group) }
            // A line that is not a field ends a group without moving on; step over it.
            if next > position {
                position = next
            } else {
                var lines = ByteLines(bytes[position...])
                position = lines.next()?.end ?? bytes.endIndex
            }
        }
        return groups
    }

    private static func afterBlankLines(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var position = start
        for line in ByteLines(bytes[start...]) {
            guard bytes[line.start..<line.contentEnd].allSatisfy({ $0 == 32 || $0 == 9 }) else { break }
            position = line.end
        }
        return position
    }

    /// `rfc822; user@example.org` → `user@example.org`: the value after its type, without angle brackets.
    static func typedValue(_ value: String?) -> String? {
        guard let value else { return nil }
        var text = value
        if let semicolon = text.firstIndex(of: ";") { text = String(text[text.index(after: semicolon)...]) }
        text = text.trimmingWhitespace
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count >= 2 { text = String(text.dropFirst().dropLast()).trimmingWhitespace }
        return text.isEmpty ? nil : text
    }
}
