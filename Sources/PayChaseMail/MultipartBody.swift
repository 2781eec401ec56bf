/// Cuts a multipart body at its boundary lines (RFC 2046 §5.1.1), leniently: the preamble and
/// epilogue are dropped, a missing closing boundary ends the last part at the end of the
/// body, and whitespace around a boundary is allowed (old Sendmail indents one).
enum MultipartBody {
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--".utf8) + boundary
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        for line in ByteLines(body) {
            guard let isClose = delimiterKind(body[line.start..<line.contentEnd], delimiter: delimiter) else { continue }
            if let start = partStart {
                // The line break before a boundary belongs to the boundary.
                var end = line.start
                if end > start, body[end - 1] == ByteLines.lf { end -= 1 }
                if end > start, body[end - 1] == ByteLines.cr { end -= 1 }
                parts.append(body[start..<end])
            }
            if isClose { return parts }
            partStart = line.end
        }
        if let start = partStart { parts.append(body[start..<body.endIndex]) }
        return parts
    }

    /// nil when the line is not a boundary; true for the closing `--boundary--`.
    private static func delimiterKind(_ line: ArraySlice<UInt8>, delimiter: [UInt8]) -> Bool? {
        let line = line.drop { $0 == 32 || $0 == 9 }
        guard line.starts(with: delimiter) else { return nil }
        let rest = line.dropFirst(delimiter.count)
        if rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return true }
        return rest.allSatisfy { $0 == 32 || $0 == 9 } ? false : nil
    }
}
