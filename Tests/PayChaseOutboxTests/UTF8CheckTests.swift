import Testing

@testable import PayChaseOutbox

/// The record reader's UTF-8 check says what Swift's own validation says, for every kind of
/// sequence: plain, each length of character, overlong forms, surrogates, beyond U+10FFFF,
/// cut off, and random bytes.
struct UTF8CheckTests {
    static func swiftSays(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }
    static func checkSays(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) } }

    @Test func agreesWithSwiftOnEveryKindOfSequence() {
        let cases: [[UInt8]] = [
            [], Array("plain ASCII, longer than eight bytes".utf8), Array("received £10.00".utf8), Array("Zoë Ní Bhriain 📮 ✓".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF],
            [0xC2], [0xE2, 0x82], [0xF0, 0x9F, 0x93], [0x80], [0xC9], Array("Caf".utf8) + [0xE9] + Array(" and more text".utf8),
        ]
        for bytes in cases { #expect(Self.checkSays(bytes) == Self.swiftSays(bytes), "\(bytes)") }
        var generator = SystemRandomNumberGenerator()
        var disagreements = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...24, using: &generator)
            // Mostly bytes from the interesting ranges, so that many sequences are nearly valid.
            let bytes = (0..<length).map { _ -> UInt8 in
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: UInt8.random(in: 0x20...0x7E, using: &generator)
                case 1: UInt8.random(in: 0x80...0xBF, using: &generator)
                case 2: UInt8.random(in: 0xC0...0xF7, using: &generator)
                default: UInt8.random(in: 0...255, using: &generator)
                }
            }
            if Self.checkSays(bytes) != Self.swiftSays(bytes) { disagreements += 1 }
        }
        #expect(disagreements == 0)
    }
}
