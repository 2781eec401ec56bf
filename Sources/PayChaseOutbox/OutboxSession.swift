import Foundation
import Logging

/// The one owner of an Outbox for the length of a job. It reads the record once, holds the
/// Outbox lock when the job writes, finishes what a killed run left, and answers every job's
/// question of what was sent, delivered or posted for a claim.
public final class OutboxSession {
    public let outbox: Outbox
    public let queue: MessageQueue
    /// Every record entry, oldest first: read once when the session opened, then kept up to
    /// date by `append`.
    public private(set) var records: [RecordLine]
    /// Each of `records` exactly as its line is written, so that its hashes can be checked.
    public private(set) var lines: RecordText
    /// What checking the record found when the session opened. Only a session opened for
    /// `inspecting` can hold a record that does not verify.
    public let verification: DeliveryLog.Verification
    private let log: DeliveryLog
    private let lock: OutboxLock?
    /// Opened at the first append, so a job that records nothing creates nothing.
    private var writer: DeliveryLogWriter?
    private var contents: DeliveryLog.Contents?
    /// What a send stopped before its batch was queued had meant to queue, found when this
    /// session opened (and reported to its logger).
    public internal(set) var notQueued: [MessageQueue.Intended] = []

    /// For a job that only reads (status, check, drafting): no lock, nothing written. A record
    /// that does not verify is refused: what it says cannot be acted on.
    public convenience init(reading outbox: Outbox) throws(OutboxError) {
        self.init(inspecting: outbox)
        if let problem = verification.problem { throw .damagedRecord(log.path, problem) }
    }

    /// For showing the record and checking it (`verification`), whether it verifies or not:
    /// no lock, nothing written, never acted on.
    public init(inspecting outbox: Outbox) {
        self.outbox = outbox
        queue = MessageQueue(outbox: outbox)
        log = DeliveryLog(outbox: outbox)
        let contents = log.read()
        verification = log.verify(contents)
        records = contents.records
        lines = contents.recordLines
        lock = nil
        writer = nil
    }

    /// For a job that writes: holds the lock until the session ends, then finishes what a
    /// killed run left half done.
    public init(working outbox: Outbox, logger: Logger) throws(OutboxError) {
        self.outbox = outbox
        lock = try OutboxLock(outbox: outbox)
        queue = MessageQueue(outbox: outbox)
        log = DeliveryLog(outbox: outbox)
        let contents = log.read()
        verification = log.verify(contents)
        if let problem = verification.problem { throw .damagedRecord(log.path, problem) }
        records = contents.records
        lines = contents.recordLines
        self.contents = contents
        if let cut = verification.powerCut {
            // Before recovery forgets the window that accounts for what was lost.
            try log.restoreHead(after: contents)
            let lost = cut.lostEntries.map { "the newest \($0) record entr\($0 == 1 ? "y" : "ies")" } ?? "the record's head"
            logger.warning(
                "a power cut kept \(lost) from reaching the disk during the send that was running; deliveries.head is set back to the \(contents.lines) entries on disk, and that send's messages are held as uncertain"
            )
        }
        try recover(logger: logger)
    }

    /// Takes the lock when it is free (and recovers); reads only while a send holds it.
    public static func listing(_ outbox: Outbox, logger: Logger) throws(OutboxError) -> OutboxSession {
        do {
            return try OutboxSession(working: outbox, logger: logger)
        } catch  where error.code == EWOULDBLOCK {
            return try OutboxSession(reading: outbox)
        }
    }

    public var isWorking: Bool { lock != nil }

    /// Appends one entry to the record. `durable` fsyncs it at once; otherwise it survives a
    /// killed process at once and a power cut from the queue's next `sync()`.
    @discardableResult
    public func append(_ record: RecordLine, durable: Bool = true, headLater: Bool = false) throws(OutboxError) -> RecordLine {
        guard let contents else { preconditionFailure("append on a session opened for reading") }
        if writer == nil { writer = try DeliveryLogWriter(log: log, contents: contents) }
        let (line, sealed) = try writer!.appendLine(signed(record), durable: durable, headLater: headLater)
        records.append(sealed)
        lines.append(line)
        return sealed
    }

    /// Writes `deliveries.head` for every entry, after appends that left it for later
    /// (`headLater`: the send loop writes it while the server answers the next MAIL FROM).
    public func catchUpHead() throws(OutboxError) { try writer?.catchUpHead() }

    /// Appends several entries, durable together with one sync; returns them sealed.
    @discardableResult
    public func append(contentsOf newRecords: [RecordLine]) throws(OutboxError) -> [RecordLine] {
        guard let contents else { preconditionFailure("append on a session opened for reading") }
        // Nothing to record opens nothing: a run that records nothing creates no record.
        guard !newRecords.isEmpty else { return [] }
        if writer == nil { writer = try DeliveryLogWriter(log: log, contents: contents) }
        let written = try writer!.appendLines(newRecords.map(signed))
        records += written.map(\.record)
        lines.append(contentsOf: written.map(\.line))
        return written.map(\.record)
    }

    /// The entry, said to be by the Outbox's actor unless it names its own.
    private func signed(_ record: RecordLine) -> RecordLine {
        var record = record
        if record.by == nil { record.by = outbox.actor }
        return record
    }

    /// A claim's entries, each with its line exactly as written.
    public func entries(claimID: String) -> [(record: RecordLine, line: String)] {
        records.indices.filter { records[$0].claimID == claimID }.map { (records[$0], lines[$0]) }
    }
}
