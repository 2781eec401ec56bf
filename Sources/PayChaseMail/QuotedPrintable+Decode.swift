extension QuotedPrintable {
    /// Decodes a quoted-printable body (RFC 2045 §6.7) leniently: soft breaks go, `=XX` becomes
    /// the byte, an `=` that starts neither stays as it is, and whitespace at a line's end goes.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                if let decoded = HexEscapes.byte(at: index, in: bytes, marker: byte) {
                    out.append(decoded)
                    index += 3
                    continue
                }
                var next = index + 1
                while next < bytes.endIndex, bytes[next] == 32 || bytes[next] == 9 { next += 1 }
                if next < bytes.endIndex, bytes[next] == ByteLines.cr { next += 1 }
                if next == bytes.endIndex {
                    index = next
                    continue
                }
                if bytes[next] == ByteLines.lf {
                    index = next + 1
                    continue
                }
                out.append(byte)
                index += 1
            } else if byte == 32 || byte == 9 {
                var next = index
                while next < bytes.endIndex, bytes[next] == 32 || bytes[next] == 9 { next += 1 }
                let endsLine = next == bytes.endIndex || bytes[next] == ByteLines.lf || bytes[next] == ByteLines.cr
                if !endsLine { out += bytes[index..<next] }
                index = next
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }
}
