/// Whether bytes are well-formed UTF-8 (the Unicode Standard's table 3-7), without making a
/// String of them: a record's payment lines hold "£", and validating 30,000 of them by making a
/// String each cost more than reading them.
enum UTF8Check {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var at = 0
        func continues(_ index: Int) -> Bool { index < count && bytes[index] & 0xC0 == 0x80 }
        func second(_ range: ClosedRange<UInt8>) -> Bool { at + 1 < count && range.contains(bytes[at + 1]) }
        while at < count {
            // Plain ASCII eight bytes at a time.
            if at + 8 <= count, raw.loadUnaligned(fromByteOffset: at, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                at += 8
                continue
            }
            switch bytes[at] {
            case 0x00...0x7F: at += 1
            case 0xC2...0xDF:
                guard continues(at + 1) else { return false }
                at += 2
            case 0xE0:
                guard second(0xA0...0xBF), continues(at + 2) else { return false }
                at += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard continues(at + 1), continues(at + 2) else { return false }
                at += 3
            case 0xED:
                guard second(0x80...0x9F), continues(at + 2) else { return false }
                at += 3
            case 0xF0:
                guard second(0x90...0xBF), continues(at + 2), continues(at + 3) else { return false }
                at += 4
            case 0xF1...0xF3:
                guard continues(at + 1), continues(at + 2), continues(at + 3) else { return false }
                at += 4
            case 0xF4:
                guard second(0x80...0x8F), continues(at + 2), continues(at + 3) else { return false }
                at += 4
            default: return false
            }
        }
        return true
    }
}
