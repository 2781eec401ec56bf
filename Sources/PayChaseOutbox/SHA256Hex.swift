import Crypto

/// SHA-256 as lowercase hex, for message fingerprints and the log's hash chain.
public enum SHA256Hex {
    public static func digest(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    public static let zero = String(repeating: "0", count: 64)
}
