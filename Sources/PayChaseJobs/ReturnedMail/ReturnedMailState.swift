import Foundation
import PayChaseDomain
import PayChaseOutbox

/// Where reading the mailbox got to: the mailbox's UIDVALIDITY and the last UID read, in
/// `Outbox/receipts/.imap-state.json`. A lost or stale state only means reading again, which
/// records nothing twice.
struct ReturnedMailState: Codable, Equatable {
    var uidValidity: UInt32?
    var lastUID: UInt32

    static func path(_ outbox: Outbox) -> String { "\(outbox.root)/receipts/.imap-state.json" }

    static func load(_ outbox: Outbox) -> ReturnedMailState {
        guard let data = FileManager.default.contents(atPath: path(outbox)),
            let state = try? JSONDecoder().decode(ReturnedMailState.self, from: data)
        else { return ReturnedMailState(uidValidity: nil, lastUID: 0) }
        return state
    }

    func save(_ outbox: Outbox) throws(OutboxError) {
        let encoder = JSONStyle.document.encoder()
        let data = (try? encoder.encode(self)) ?? Data()
        try AtomicFile.write(Array(data) + [10], to: Self.path(outbox))
    }
}
