import PayChaseCurl
import PayChaseTransport

/// Finding and fetching messages in commands small enough for libcurl.
///
/// libcurl passes a custom command's whole answer through its header callback, and the one
/// Debian bookworm ships (7.88) keeps only 40 bytes of an answer line over about 8 KiB, fails an
/// answer holding a few hundred untagged lines, and counts an answer's bytes again for each
/// untagged response in it against a 300 KiB cap. A `UID SEARCH` of 10,000 UIDs or a
/// `FETCH` of many messages at once therefore loses or refuses data, so: UIDs are searched 500
/// UIDs at a time, sizes fetched 100 messages at a time, and messages several small ones to a
/// command (so that what libcurl counts of the answer, each message's bytes once for every
/// response from its own on, stays about `batchBudget`; refused, they are asked for in halves),
/// a large one by a command of its own, in slices.
extension IMAPSession {
    static let uidWindow: UInt32 = 500
    static let sizeChunk = 100
    static let sliceSize = 96 * 1024
    /// Near libcurl's 300 KiB: an answer it refuses ("Too large response headers", one command
    /// in a few thousand on the benchmark's mailbox) is asked for again in halves.
    static let batchBudget = 480 * 1024
    static let batchMost = 32
    /// What libcurl says when it counts more of an answer than it allows.
    static let tooLarge = "Too large response headers"
    /// An untagged FETCH response's own line and closing, beside the message's bytes.
    static let responseOverhead = 64

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
            for batch in Self.batches(part.compactMap { uid in sizes[uid].map { (uid, $0) } }) {
                messages.merge(try fetchBatch(batch, in: mailbox)) { $1 }
            }
        }
        return messages
    }

    /// Consecutive messages grouped while what libcurl would count of their answer stays in
    /// budget: the answer so far, again at each response in it, so the sum of its running totals.
    static func batches(_ sized: [(uid: UInt32, size: Int)]) -> [[UInt32]] {
        var batches: [[UInt32]] = []
        var current: [UInt32] = []
        var bytes = 0
        var counted = 0
        for (uid, size) in sized {
            let message = size + responseOverhead
            if !current.isEmpty, counted + bytes + message > batchBudget || current.count == batchMost {
                batches.append(current)
                current = []
                bytes = 0
                counted = 0
            }
            current.append(uid)
            bytes += message
            counted += bytes
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// A message alone in slices, several by one command.
    private func fetchBatch(_ uids: [UInt32], in mailbox: String) throws(MailServerError) -> [UInt32: [UInt8]] {
        uids.count == 1 ? [uids[0]: try fetchOne(uids[0], in: mailbox)] : try fetchTogether(uids, in: mailbox)
    }

    /// Several messages by one command; when libcurl counts more of the answer than it allows
    /// (how much it counts depends on how the answer arrives), each half by a command of its own.
    private func fetchTogether(_ uids: [UInt32], in mailbox: String) throws(MailServerError) -> [UInt32: [UInt8]] {
        let answer: [IMAPTranscript.Response]
        do {
            answer = try run("UID FETCH \(Self.set(uids)) BODY.PEEK[]", in: mailbox)
        } catch  where error.message.contains(Self.tooLarge) && uids.count > 1 {
            let half = uids.count / 2
            return try fetchBatch(Array(uids[..<half]), in: mailbox).merging(try fetchBatch(Array(uids[half...]), in: mailbox)) { $1 }
        }
        var messages: [UInt32: [UInt8]] = [:]
        for response in answer where response.text.hasPrefix("* ") && response.text.contains(" FETCH (") {
            guard let uid = Self.number(after: "UID ", in: response.text), let body = response.literals.first else { continue }
            messages[uid] = body
        }
        return messages
    }

    /// Each message's size in octets (RFC822.SIZE), by UID; a UID expunged meanwhile is absent.
    private func sizes(of uids: [UInt32], in mailbox: String) throws(MailServerError) -> [UInt32: Int] {
        var sizes: [UInt32: Int] = [:]
        for response in try run("UID FETCH \(Self.set(uids)) (RFC822.SIZE)", in: mailbox)
        where response.text.hasPrefix("* ") && response.text.contains(" FETCH (") {
            guard let uid = Self.number(after: "UID ", in: response.text), let size = Self.number(after: "RFC822.SIZE ", in: response.text) else {
                continue
            }
            sizes[uid] = Int(size)
        }
        return sizes
    }

    /// One message, `sliceSize` octets a command, until a slice comes back short.
    private func fetchOne(_ uid: UInt32, in mailbox: String) throws(MailServerError) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let responses = try run("UID FETCH \(uid) BODY.PEEK[]<\(bytes.count).\(Self.sliceSize)>", in: mailbox)
            // Its own answer, not a flag change the server reports meanwhile (another connection
            // flags messages \Seen as this one fetches).
            let slice =
                responses.first {
                    $0.text.hasPrefix("* ") && $0.text.contains(" FETCH (") && Self.number(after: "UID ", in: $0.text) == uid && !$0.literals.isEmpty
                }?
                .literals.first ?? []
            bytes += slice
            if slice.count < Self.sliceSize { return bytes }
        }
    }
}
