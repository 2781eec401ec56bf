import Crypto

/// SHA-256 as lowercase hex, for message fingerprints and the log's hash chain.
public enum SHA256Hex {
    public static func digest(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// Whether the digest of two pieces one after the other is `hex` (lowercase), without
    /// making a String of it.
    static func digest(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>, is hex: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hex.count == 64 else { return false }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(first))
        hasher.update(bufferPointer: UnsafeRawBufferPointer(second))
        var at = 0
        for byte in hasher.finalize() {
            guard hex[at] == digits[Int(byte >> 4)], hex[at + 1] == digits[Int(byte & 0x0F)] else { return false }
            at += 2
        }
        return true
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: 64) { text in
            var at = 0
            for byte in digest {
                text[at] = digits[Int(byte >> 4)]
                text[at + 1] = digits[Int(byte & 0x0F)]
                at += 2
            }
            return at
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    public static let zero = String(repeating: "0", count: 64)
}
