import PayChaseCurl

/// Finding and fetching messages in commands small enough for libcurl.
///
/// libcurl passes a custom command's whole answer through its header callback, and the one
/// Debian bookworm ships (7.88) keeps only 40 bytes of an answer line over about 8 KiB, fails an
/// answer holding a few hundred untagged lines, and counts an answer's bytes again for each
/// untagged response in it against a 300 KiB cap. A `UID SEARCH` of 10,000 UIDs or a
/// `FETCH` of many messages at once therefore loses or refuses data, so: UIDs are searched 500
/// UIDs at a time, sizes fetched 100 messages at a time, and each message by a command of its
/// own, in slices when it is large.
extension IMAPSession {
    static let uidWindow: UInt32 = 500
    static let sizeChunk = 100
    static let sliceSize = 96 * 1024

    /// UIDs of the messages in `mailbox` from `first` up to (not including) `next`, the
    /// UIDNEXT that STATUS gave; ascending.
    public func uids(in mailbox: String, from first: UInt32, below next: UInt32) throws(MailServerError) -> [UInt32] {
        var found: [UInt32] = []
        var start = max(first, 1)
        while start < next {
            let end = min(next - 1, start + Self.uidWindow - 1)
            for response in try run("UID SEARCH UID \(start):\(end)", in: mailbox) where response.text.hasPrefix("* SEARCH") {
                found += response.text.dropFirst(8).split(separator: " ").compactMap { UInt32($0) }.filter { $0 >= start && $0 <= end }
            }
            guard end < UInt32.max else { break }
            start = end + 1
        }
        return Array(Set(found)).sorted()
    }

    /// The exact bytes of each message, by UID.
    public func fetch(_ uids: [UInt32], in mailbox: String) throws(MailServerError) -> [UInt32: [UInt8]] {
        var messages: [UInt32: [UInt8]] = [:]
        for start in stride(from: 0, to: uids.count, by: Self.sizeChunk) {
            let part = Array(uids[start..<min(start + Self.sizeChunk, uids.count)])
            let sizes = try self.sizes(of: part, in: mailbox)
            for uid in part where sizes[uid] != nil {
                messages[uid] = try fetchOne(uid, in: mailbox)
            }
        }
        return messages
    }

    /// Each message's size in octets (RFC822.SIZE), by UID; a UID expunged meanwhile is absent.
    private func sizes(of uids: [UInt32], in mailbox: String) throws(MailServerError) -> [UInt32: Int] {
        var sizes: [UInt32: Int] = [:]
        for response in try run("UID FETCH \(uids.map(String.init).joined(separator: ",")) (RFC822.SIZE)", in: mailbox)
        where response.text.hasPrefix("* ") && response.text.contains(" FETCH (") {
            guard let uid = Self.number(after: "UID ", in: response.text), let size = Self.number(after: "RFC822.SIZE ", in: response.text) else { continue }
            sizes[uid] = Int(size)
        }
        return sizes
    }

    /// One message, `sliceSize` octets a command, until a slice comes back short.
    private func fetchOne(_ uid: UInt32, in mailbox: String) throws(MailServerError) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let responses = try run("UID FETCH \(uid) BODY.PEEK[]<\(bytes.count).\(Self.sliceSize)>", in: mailbox)
            let slice = responses.first { $0.text.hasPrefix("* ") && $0.text.contains(" FETCH (") }?.literals.first ?? []
            bytes += slice
            if slice.count < Self.sliceSize { return bytes }
        }
    }
}
