#if canImport(Glibc)
import Glibc
#endif

/// A Codable's keys as UTF-8, in byte order, to find a key by the bytes of the line without
/// making a String of them (Swift's string switch was a tenth of reading a line).
struct KeyTable<Key: CodingKey & CaseIterable>: Sendable where Key: Sendable {
    private let keys: [(bytes: [UInt8], key: Key)]

    init() { keys = Key.allCases.map { (Array($0.stringValue.utf8), $0) }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) } }

    /// The key, looked for from `next` on (a plain line's keys come in byte order, so each is
    /// after the one before), and `next` moved past it.
    func key(_ bytes: UnsafeBufferPointer<UInt8>, from next: inout Int) -> Key? {
        for index in keys.indices.dropFirst(next) where keys[index].bytes.count == bytes.count {
            let same = keys[index].bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            if same {
                next = index + 1
                return keys[index].key
            }
        }
        return nil
    }
}
