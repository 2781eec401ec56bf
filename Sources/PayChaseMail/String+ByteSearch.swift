import Foundation

extension String {
    /// Whether `phrase`'s UTF-8 bytes occur in this string's: an exact search (the phrases looked
    /// for in mail are ASCII, the text already lowercased), without Foundation's `range(of:)`,
    /// which compares Unicode by Unicode and was a tenth of reading a mailbox.
    func containsBytes(_ phrase: String) -> Bool {
        var text = self
        var phrase = phrase
        return text.withUTF8 { text in phrase.withUTF8 { phrase in Self.find(phrase, in: text) } }
    }

    private static func find(_ phrase: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = phrase.first else { return true }
        guard text.count >= phrase.count, let base = text.baseAddress, let wanted = phrase.baseAddress else { return false }
        let last = text.count - phrase.count
        var start = 0
        while start <= last {
            // The phrase's first byte, then the rest compared where it is.
            guard let found = memchr(base + start, Int32(first), last - start + 1) else { return false }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at, wanted, phrase.count) == 0 { return true }
            start = at + 1
        }
        return false
    }
}
