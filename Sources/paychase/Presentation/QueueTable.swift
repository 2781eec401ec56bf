import PayChaseDomain
import PayChaseJobs

/// The send queue as the practice reads it.
enum QueueTable {
    static func text(_ messages: [QueuedMessage]) -> String {
        guard !messages.isEmpty else { return "The queue is empty.\n" }
        let rows = messages.map { message in
            [
                message.id, message.state.rawValue, String(message.attempts),
                message.state == .queued ? LondonTime.clock(message.nextAttempt) : "-",
                (message.lastReply ?? "").replacingOccurrences(of: "\n", with: " / "),
            ]
        }
        return TextTable.align([["ID", "STATE", "ATTEMPTS", "NEXT TRY (UK)", "LAST REPLY"]] + rows, rightAligned: [2])
            .joined(separator: "\n") + "\n"
    }
}
