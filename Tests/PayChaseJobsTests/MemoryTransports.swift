import Foundation
import PayChaseJobs
import PayChaseTransport

/// A mail server in memory, behind the same seam as libcurl's SMTP: it answers each recipient as
/// told (250 unless `answers` says otherwise) and keeps what it took. For the Dispatcher's own
/// logic; what only a real server shows stays in the rig tests.
final class MemoryTransport: MailTransport, @unchecked Sendable {
    let server = "memory:25"
    /// The reply for a message to this recipient; 250 for anyone else.
    var answers: [String: SMTPResult] = [:]
    /// Thrown instead of sending, when set (a sign-in refused, a server out of reach).
    var failure: MailServerError?
    private(set) var taken: [[UInt8]] = []
    private(set) var attempts = 0
    /// When it lets the caller work while "waiting": as libcurl mostly does, before the final
    /// dot; after it (libcurl flushing a large message); or never (nothing had to wait).
    var waits = Waits.beforeCommit

    enum Waits: CaseIterable, Sendable { case beforeCommit, afterCommit, never }

    func send(
        _ message: [UInt8],
        from: String,
        to recipients: [String],
        envelopeID: String,
        whileWaiting: () -> Void,
        beforeCommit: @escaping () -> Bool
    ) throws(MailServerError) -> SMTPResult {
        attempts += 1
        if waits == .beforeCommit { whileWaiting() }
        if let failure { throw failure }
        guard beforeCommit() else { return SMTPResult(outcome: .deferred, reply: "not sent", dsnRequested: false, serverAnswered: true) }
        if waits == .afterCommit { whileWaiting() }
        if let answer = recipients.lazy.compactMap({ self.answers[$0] }).first { return answer }
        taken.append(message)
        return SMTPResult(outcome: .accepted, reply: "250 2.0.0 Ok: queued as MEM\(taken.count)", dsnRequested: false, serverAnswered: true)
    }

    /// A `SendJob` transport that always hands out this one.
    var factory: MailTransports.Send { { [self] _, _ in self } }
}

/// A mailbox in memory, behind the same seam as libcurl's IMAP.
final class MemoryMailbox: MailStore, @unchecked Sendable {
    let server = "memory:143"
    let folder = "INBOX"
    var folders: [String: [(uid: UInt32, bytes: [UInt8], seen: Bool)]] = ["INBOX": [], "Sent": []]
    var uidValidity: UInt32 = 7
    /// The folder marked \Sent; nil for a server that marks none.
    var sentMarked: String? = "Sent"

    func deliver(_ bytes: [UInt8], to folder: String = "INBOX", seen: Bool = false) {
        let next = (folders[folder]?.map(\.uid).max() ?? 0) + 1
        folders[folder, default: []].append((next, bytes, seen))
    }

    func status(of folder: String) throws(MailServerError) -> MailboxStatus {
        MailboxStatus(uidValidity: uidValidity, uidNext: (folders[folder]?.map(\.uid).max() ?? 0) + 1)
    }

    func uids(in folder: String, from first: UInt32, below next: UInt32) throws(MailServerError) -> [UInt32] {
        (folders[folder] ?? []).map(\.uid).filter { $0 >= first && $0 < next }
    }

    func fetch(_ uids: [UInt32], in folder: String) throws(MailServerError) -> [UInt32: [UInt8]] {
        Dictionary(uniqueKeysWithValues: (folders[folder] ?? []).filter { uids.contains($0.uid) }.map { ($0.uid, $0.bytes) })
    }

    func markSeen(_ uids: [UInt32], in folder: String) throws(MailServerError) {
        for index in (folders[folder] ?? []).indices where uids.contains(folders[folder]![index].uid) { folders[folder]![index].seen = true }
    }

    func move(_ uids: [UInt32], in folder: String, to destination: String) throws(MailServerError) {
        let moving = (folders[folder] ?? []).filter { uids.contains($0.uid) }
        folders[folder]?.removeAll { uids.contains($0.uid) }
        for message in moving { deliver(message.bytes, to: destination, seen: message.seen) }
    }

    func sentFolder() -> String? { sentMarked }

    func contains(messageID: String, in folder: String) throws(MailServerError) -> Bool {
        (folders[folder] ?? []).contains { String(decoding: $0.bytes, as: UTF8.self).contains("Message-ID: <\(messageID)>") }
    }

    func append(_ message: [UInt8], to folder: String) throws(MailServerError) { deliver(message, to: folder, seen: true) }

    var factory: MailTransports.Read { { [self] _, _ in self } }
}
