/// What the server said during one command, as exact bytes, split into responses. A response is
/// its text (CRLF removed) with each literal (`{1875}` then 1875 bytes) taken out and kept whole,
/// since a literal is a message's exact bytes, not text.
final class IMAPTranscript {
    struct Response {
        /// The response's text, literals left out.
        var text: String
        var literals: [[UInt8]]
    }

    private var bytes: [UInt8] = []

    func reset() { bytes.removeAll(keepingCapacity: true) }

    func append(_ chunk: UnsafeRawBufferPointer) { bytes.append(contentsOf: chunk) }

    /// Every complete response, in order.
    var responses: [Response] {
        var responses: [Response] = []
        var index = 0
        var text: [UInt8] = []
        var literals: [[UInt8]] = []
        while index < bytes.count {
            guard let end = lineEnd(from: index) else { break }
            let line = Array(bytes[index..<end])
            index = end + 2
            if let size = Self.literalSize(line) {
                text += line
                let stop = min(index + size, bytes.count)
                literals.append(Array(bytes[index..<stop]))
                index = stop
                continue
            }
            text += line
            responses.append(Response(text: String(decoding: text, as: UTF8.self), literals: literals))
            text = []
            literals = []
        }
        return responses
    }

    /// The command's tagged completion (`A004 NO ...`), if any: the first one, since libcurl
    /// logs out after a refusal and the LOGOUT's own `OK` comes after it.
    var completion: String? {
        responses.first { !$0.text.hasPrefix("*") && !$0.text.hasPrefix("+") }?.text
    }

    private func lineEnd(from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// `{1875}` or `{1875+}` at the end of a line announces a literal of that many bytes.
    static func literalSize(_ line: [UInt8]) -> Int? {
        guard line.last == UInt8(ascii: "}"), let open = line.lastIndex(of: UInt8(ascii: "{")) else { return nil }
        var digits = line[(open + 1)..<(line.count - 1)]
        if digits.last == UInt8(ascii: "+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count < 10, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}
