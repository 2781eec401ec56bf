import Foundation
import Logging
import PayChaseDomain
import PayChaseIMAP
import PayChaseInput
import PayChaseOutbox
import PayChaseTransport

/// Files a copy of each email the server accepted in the practice mailbox's sent folder (Exchange
/// does not file mail submitted over SMTP, and a practice manager looks for what went out in
/// Outlook). The exact bytes sent are APPENDed, flagged \Seen, at most once per message: a copy
/// already in the folder (a run stopped between APPEND and the record) is found by its Message-ID
/// and only recorded. The copies are recorded durably ten at a time: one stopped before its
/// group was recorded is found in the folder next time, and recorded, never filed twice.
struct SentCopyFiler {
    let outbox: OutboxSession
    let session: any MailStore
    let choice: SentFolder
    let clock: WallClock

    /// Emails accepted longer ago than this are not filed when first seen (a practice that turns
    /// the copy on does not get its whole history filed as new).
    static let lookBackDays = 30

    /// Copies recorded with one flush of the record.
    static let recordedTogether = 10

    /// Records `lines` once: they are taken out first, so that a flush that failed part way (its
    /// lines perhaps in the record already) is never tried again by the `defer` above.
    private func record(_ lines: inout [RecordLine]) throws {
        let batch = lines
        lines = []
        try outbox.append(contentsOf: batch)
    }

    /// Accepted emails with no copy recorded, oldest first.
    static func pending(in outbox: OutboxSession, now: Date) -> [EmailAttempt] {
        var filed = Set<String>()
        for line in outbox.records {
            if case .sentItemsCopy(let copy) = line.entry { filed.insert(copy.message.queueID) }
        }
        let since = RecordTime.format(now.addingTimeInterval(-Double(lookBackDays) * 86_400))
        var seen = Set<String>()
        return outbox.records.compactMap { line in
            guard let email = line.entry.reachedServer, line.time >= since, !filed.contains(email.message.queueID),
                seen.insert(email.message.queueID).inserted
            else { return nil }
            return email
        }
    }

    /// The folder the copies go to: the profile's, else the one the server marks \Sent, else Sent Items.
    func folder() -> String {
        switch choice {
        case .named(let name): name
        case .automatic, .off: session.sentFolder() ?? SentFolder.exchangeName
        }
    }

    /// Files every pending copy (`pending`, when the caller has worked it out already); returns how
    /// many were filed (or found filed already).
    func fileAll(_ pending: [EmailAttempt]? = nil) throws -> SendResult.SentCopies {
        let pending = pending ?? Self.pending(in: outbox, now: clock.now())
        var copies = SendResult.SentCopies()
        guard !pending.isEmpty else { return copies }
        let folder = folder()
        copies.folder = folder
        var unrecorded: [RecordLine] = []
        defer { if !unrecorded.isEmpty { _ = try? outbox.append(contentsOf: unrecorded) } }
        for email in pending {
            let path = "\(outbox.outbox.sent)/\(email.message.queueID).eml"
            guard let data = FileManager.default.contents(atPath: path), SHA256Hex.digest(Array(data)) == email.sha256 else {
                copies.missing += 1
                continue
            }
            let already = try session.contains(messageID: email.message.messageID, in: folder)
            if !already { try session.append(Array(data), to: folder) }
            let copy = SentItemsCopy(message: email.message, server: session.server, folder: folder, alreadyThere: already, sha256: email.sha256)
            unrecorded.append(RecordLine(time: RecordTime.format(clock.now()), entry: .sentItemsCopy(copy)))
            copies.filed += 1
            if unrecorded.count == Self.recordedTogether { try record(&unrecorded) }
        }
        try record(&unrecorded)
        return copies
    }
}

extension SentCopyFiler {
    /// Files what is pending over a new IMAP connection, when the profile has `imap:` and does not
    /// turn the copy off. A problem is reported in the result, never thrown: sending went well.
    static func fileAfterSending(
        _ outbox: OutboxSession,
        setup: MailServerSetup,
        mailbox: MailTransports.Read,
        logger: Logger,
        clock: WallClock
    ) -> SendResult.SentCopies {
        guard setup.settings.imap != nil, setup.settings.sentFolder != .off else { return SendResult.SentCopies() }
        let pending = pending(in: outbox, now: clock.now())
        guard !pending.isEmpty else { return SendResult.SentCopies() }
        do {
            let session = try mailbox(try setup.imap(), logger)
            return try SentCopyFiler(outbox: outbox, session: session, choice: setup.settings.sentFolder, clock: clock).fileAll(pending)
        } catch {
            return failed(error)
        }
    }

    /// Files what is pending over a session already open (the receipts run's).
    static func file(_ outbox: OutboxSession, session: any MailStore, choice: SentFolder, clock: WallClock) -> SendResult.SentCopies {
        guard choice != .off else { return SendResult.SentCopies() }
        do { return try SentCopyFiler(outbox: outbox, session: session, choice: choice, clock: clock).fileAll() } catch { return failed(error) }
    }

    private static func failed(_ error: any Error) -> SendResult.SentCopies {
        var copies = SendResult.SentCopies()
        copies.problem = "\(error)"
        return copies
    }
}
