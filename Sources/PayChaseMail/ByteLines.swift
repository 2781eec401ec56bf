/// One line of a byte buffer: where its text ends (before CR LF or LF) and where the next line starts.
struct ByteLine {
    var start: Int
    var contentEnd: Int
    var end: Int

    var isEmpty: Bool { contentEnd == start }
}

/// The lines of mail bytes, split at LF, so CRLF and bare LF files read alike. Every index it
/// hands out lies within the slice it was given.
struct ByteLines: Sequence, IteratorProtocol {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    mutating func next() -> ByteLine? {
        guard position < bytes.endIndex else { return nil }
        let start = position
        let lineFeed = bytes[start...].firstIndex(of: ByteLines.lf)
        var contentEnd = lineFeed ?? bytes.endIndex
        position = lineFeed.map { $0 + 1 } ?? bytes.endIndex
        if contentEnd > start, bytes[contentEnd - 1] == ByteLines.cr { contentEnd -= 1 }
        return ByteLine(start: start, contentEnd: contentEnd, end: position)
    }

    static let lf: UInt8 = 10
    static let cr: UInt8 = 13

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 || byte == 10 }
}
