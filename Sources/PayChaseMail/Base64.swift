/// Base64 as mail carries it: line breaks, stray characters and missing padding are passed
/// over rather than refused, because a bounce's returned copy is often cut or re-wrapped.
enum Base64 {
    static func decode(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") {
                // Padding ends a run; a mailer that joined separately encoded runs goes on after it.
                accumulator = 0
                bits = 0
                continue
            }
            let value = values[Int(byte)]
            guard value != invalid else { continue }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (UInt32(1) << UInt32(bits)) - 1
            }
        }
        return out
    }

    private static let invalid: UInt8 = 0xFF

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, byte) in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8).enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        return table
    }()
}
