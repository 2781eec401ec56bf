/// A marker byte and two hex digits standing for one byte: `%41` in RFC 2231 parameters, `+2B`
/// in RFC 3461 xtext, `=3D` in quoted-printable and the RFC 2047 Q encoding.
enum HexEscapes {
    /// Every `marker` followed by two hex digits becomes its byte; anything else stays as it
    /// is. `underscoreIsSpace` for the Q encoding.
    static func decode(_ bytes: ArraySlice<UInt8>, marker: UInt8, underscoreIsSpace: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if let byte = byte(at: index, in: bytes, marker: marker) {
                out.append(byte)
                index += 3
                continue
            }
            out.append(underscoreIsSpace && bytes[index] == UInt8(ascii: "_") ? 32 : bytes[index])
            index += 1
        }
        return out
    }

    /// The byte the escape at `index` stands for; nil when no whole escape starts there.
    static func byte(at index: Int, in bytes: ArraySlice<UInt8>, marker: UInt8) -> UInt8? {
        guard bytes[index] == marker, index + 2 < bytes.endIndex,
            let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
        else { return nil }
        return high << 4 | low
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
