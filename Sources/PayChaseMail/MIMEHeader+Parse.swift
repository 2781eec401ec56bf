extension MIMEHeader {
    /// More fields than this in one block are dropped: no real header has them, and a hostile one
    /// should cost no more than a real one.
    static let maxFields = 1000

    /// The header section at the start of a message, unfolded, without reading its body.
    public init(parsing bytes: [UInt8]) {
        self = Self.parse(bytes[...], skippingEnvelope: true).header
    }

    /// Reads header fields from the start of `bytes` up to the blank line (or a line that cannot
    /// be a field, which then starts the body). Returns the header and where the body starts.
    /// - Parameter skippingEnvelope: skip an mbox `From ` line first, as saved bounces often have.
    static func parse(_ bytes: ArraySlice<UInt8>, skippingEnvelope: Bool) -> (header: MIMEHeader, bodyStart: Int) {
        var fields: [HeaderField] = []
        var name: [UInt8] = []
        var value: [UInt8] = []
        var inField = false
        var isFirstLine = true
        var bodyStart = bytes.endIndex

        func finishField() {
            if inField, fields.count < maxFields {
                fields.append(HeaderField(name: text(name), rawValue: text(value).trimmingWhitespace))
            }
            inField = false
        }

        for line in ByteLines(bytes) {
            defer { isFirstLine = false }
            let content = bytes[line.start..<line.contentEnd]
            if line.isEmpty {
                bodyStart = line.end
                finishField()
                return (MIMEHeader(fields: fields), bodyStart)
            }
            if isFirstLine, skippingEnvelope, content.starts(with: envelopeMarker) { continue }
            if let first = content.first, first == 32 || first == 9 {
                // A folded line: unfolding removes only the line break, so the whitespace stays.
                if inField { value += content }
                continue
            }
            guard let colon = content.firstIndex(of: UInt8(ascii: ":")),
                let fieldName = fieldName(content[content.startIndex..<colon])
            else {
                finishField()
                return (MIMEHeader(fields: fields), line.start)
            }
            finishField()
            name = fieldName
            value = Array(content[(colon + 1)...])
            inField = true
        }
        finishField()
        return (MIMEHeader(fields: fields), bodyStart)
    }

    private static let envelopeMarker = Array("From ".utf8)

    /// Printable ASCII without the colon; whitespace before the colon is tolerated.
    private static func fieldName(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var name = Array(bytes)
        while let last = name.last, last == 32 || last == 9 { name.removeLast() }
        guard !name.isEmpty, name.allSatisfy({ (33...126).contains($0) }) else { return nil }
        return name
    }

    /// Header bytes as text: UTF-8 when they are (RFC 6532), otherwise one character per byte.
    static func text(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? Charset.latin1(bytes[...])
    }
}
