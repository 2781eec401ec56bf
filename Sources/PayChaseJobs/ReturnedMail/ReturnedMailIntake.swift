import Foundation
import Logging
import PayChaseConcurrency
import PayChaseDomain
import PayChaseIMAP
import PayChaseMail
import PayChaseOutbox
import PayChaseTransport

/// The work of one `receipts` run inside a working Outbox session.
struct ReturnedMailIntake {
    let outbox: OutboxSession
    let session: any MailStore
    let mailbox: String
    let processedFolder: String?
    let server: String
    let clock: WallClock
    /// Emails PayChase sent, by Message-ID and by queue id (the envelope id a DSN may carry).
    private let sent: [String: SentEmail]
    private let sentIDs: Set<String>
    private var known: Set<String>

    init(outbox: OutboxSession, session: any MailStore, mailbox: String, processedFolder: String?, server: String, clock: WallClock) {
        self.outbox = outbox
        self.session = session
        self.mailbox = mailbox
        self.processedFolder = processedFolder
        self.server = server
        self.clock = clock
        // One pass: each email the server has, by its Message-ID and by its queue id.
        var sent: [String: SentEmail] = [:]
        for line in outbox.records {
            guard let message = line.entry.reachedServer?.message else { continue }
            if !message.messageID.isEmpty { sent[message.messageID] = message }
            if !message.queueID.isEmpty { sent[message.queueID] = message }
        }
        self.sent = sent
        sentIDs = Set(sent.keys)
        known = outbox.recordedReturnedMail
    }

    /// Reads every message after the last one seen (all of them when UIDVALIDITY changed). With
    /// more than one chunk to read, `another` may open a second connection: it fetches the next
    /// chunk while this one's are read, kept and flagged through the first; if it fails, the
    /// first reads on alone.
    mutating func readNew(logger: Logger, another: () -> (any MailStore)? = { nil }) throws -> ReturnedMailJob.Result {
        var result = ReturnedMailJob.Result()
        let status = try session.status(of: mailbox)
        var state = ReturnedMailState.load(outbox.outbox)
        let renumbered = state.uidValidity != status.uidValidity
        if renumbered {
            result.rescanned = state.uidValidity != nil
            state = ReturnedMailState(uidValidity: status.uidValidity, lastUID: 0)
        }
        let uids = try session.uids(in: mailbox, from: state.lastUID + 1, below: status.uidNext)
        logger.debug("reading the mailbox", metadata: ["new": "\(uids.count)", "uidvalidity": "\(status.uidValidity)"])
        let parts = stride(from: 0, to: uids.count, by: ReturnedMailJob.chunk).map { start in
            Array(uids[start..<min(start + ReturnedMailJob.chunk, uids.count)])
        }
        // Only a connection of its own may fetch beside this one.
        var ahead = parts.count > 1 ? another().flatMap { $0 === session ? nil : Fetcher(store: $0, mailbox: mailbox) } : nil
        var next = try parts.first.map { try session.fetch($0, in: mailbox) }
        for (number, part) in parts.enumerated() {
            let messages = next ?? [:]
            let following = parts.indices.contains(number + 1) ? parts[number + 1] : nil
            if let fetcher = ahead, let following {
                let (fetched, _) = try ParallelMap.both(
                    { () throws(any Error) in Result { () throws(MailServerError) in try fetcher.fetch(following) } },
                    { () throws(any Error) in try read(part, messages, state: &state, status: status, result: &result) }
                )
                switch fetched {
                case .success(let messages): next = messages
                case .failure(let error):
                    // The second connection failed (refused, dropped): this one reads on alone.
                    logger.info("reading the mailbox over one connection", metadata: ["second connection": "\(error)"])
                    ahead = nil
                    next = try session.fetch(following, in: mailbox)
                }
            } else {
                try read(part, messages, state: &state, status: status, result: &result)
                next = try following.map { try session.fetch($0, in: mailbox) }
            }
        }
        // A new or renumbered mailbox with nothing in it is remembered too, so it is rescanned only once.
        if renumbered && uids.isEmpty { try state.save(outbox.outbox) }
        return result
    }

    /// A second connection that fetches the next chunk on another thread while the first is busy
    /// with this one; only that thread uses it while it fetches. (Two such, each fetching half,
    /// were no faster: by then the two cores are busy.)
    private struct Fetcher: @unchecked Sendable {
        let store: any MailStore
        let mailbox: String

        func fetch(_ uids: [UInt32]) throws(MailServerError) -> [UInt32: [UInt8]] { try store.fetch(uids, in: mailbox) }
    }

    /// One chunk fetched: read on every core, kept, recorded and flagged; then the state saved.
    private mutating func read(
        _ part: [UInt32],
        _ messages: [UInt32: [UInt8]],
        state: inout ReturnedMailState,
        status: MailboxStatus,
        result: inout ReturnedMailJob.Result
    ) throws {
        var chunk = Chunk()
        let fetched = part.compactMap { uid in messages[uid].map { (uid: uid, bytes: $0) } }
        // Reading a message is pure work: the chunk is read on every core.
        let read = ParallelMap.map(fetched, chunks: 8) { ReturnedMailReader.read($0.bytes) }
        for (message, mail) in zip(fetched, read) {
            result.read += 1
            take(message.uid, message.bytes, mail, uidValidity: status.uidValidity, into: &chunk, result: &result)
        }
        try commit(chunk, into: &result)
        state.lastUID = part.last ?? state.lastUID
        try state.save(outbox.outbox)
    }

    /// What a chunk of the mailbox brings: files to keep and entries to record, and the messages
    /// to flag once both are durable.
    private struct Chunk {
        var files: [(bytes: [UInt8], path: String)] = []
        var entries: [RecordLine] = []
        var recorded: [ReturnedMailJob.Found] = []
        var flag: [UInt32] = []
    }

    /// Sorts one message: unrelated or naming no email of ours is left alone; one already
    /// recorded is only flagged; a new one is kept, recorded and flagged with its chunk.
    private mutating func take(
        _ uid: UInt32,
        _ bytes: [UInt8],
        _ mail: ReturnedMail,
        uidValidity: UInt32,
        into chunk: inout Chunk,
        result: inout ReturnedMailJob.Result
    ) {
        guard let report = ReturnedMailFacts.Report(mail.kind) else {
            result.unrelated += 1
            return
        }
        guard let match = mail.match(sentIDs), let original = sent[match.messageID] else {
            if report == .reply { result.unrelated += 1 } else { result.unmatched += 1 }
            return
        }
        chunk.flag.append(uid)
        let sha = SHA256Hex.digest(bytes)
        guard !known.contains(sha) else {
            result.alreadyRecorded += 1
            return
        }
        let file = "receipts/\(original.claimID)/\(uidValidity)-\(uid).eml"
        let facts = ReturnedMailFacts(mail, report: report, original: original, matchedBy: match.source, mailbox: "\(uidValidity):\(uid)")
        let returned = MailReturned(
            claimID: original.claimID,
            template: original.template,
            queueID: original.queueID,
            to: original.to,
            from: mail.from ?? "",
            subject: mail.subject ?? "",
            server: server,
            sha256: sha,
            file: file,
            facts: facts
        )
        known.insert(sha)
        chunk.files.append((bytes, "\(outbox.outbox.root)/\(file)"))
        chunk.entries.append(RecordLine(time: RecordTime.format(clock.now()), entry: .mailReturned(returned)))
        chunk.recorded.append(
            .init(
                claimID: original.claimID,
                kind: report.rawValue,
                summary: facts.summary,
                template: original.template,
                to: original.to,
                file: file
            )
        )
    }

    /// The chunk's files, then its record entries, each durable, and only then its flags and moves.
    /// The files are made durable together (two `syncfs` a chunk rather than an fsync a file): a
    /// kill among them leaves some in place unrecorded and unflagged, read and written again next time.
    private func commit(_ chunk: Chunk, into result: inout ReturnedMailJob.Result) throws {
        let files = AtomicBatch(limit: .max)
        for file in chunk.files { try files.add(file.bytes, to: file.path) }
        try files.commit()
        try outbox.append(contentsOf: chunk.entries)
        result.recorded += chunk.recorded
        try session.markSeen(chunk.flag, in: mailbox)
        if let processedFolder { try session.move(chunk.flag, in: mailbox, to: processedFolder) }
    }
}
