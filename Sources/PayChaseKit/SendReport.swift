import Foundation
import PayChaseOutbox

/// What a send did, for the summary line and the exit code.
public struct SendReport: Sendable {
    /// Drafts written and notes from rendering (as `draft` reports them).
    public var drafts = DraftJob.Report()
    /// Notes on messages not queued or not sent (already queued, sent recently, uncertain).
    public var notes: [String] = []
    public var queued = 0
    public var accepted = 0
    public var deferred = 0
    public var refused = 0
    public var uncertain = 0
    /// Queued messages whose retry time has not come.
    public var waiting = 0
    /// Messages held because the server may already have them.
    public var held = 0
    /// Why the batch stopped early, if it did.
    public var stoppedBy: String?
    public var status: ExitStatus = .ok

    public var attempted: Int { accepted + deferred + refused + uncertain }

    /// `200 messages: 198 accepted, 1 deferred, 1 refused`.
    public var summary: String {
        var parts = ["\(accepted) accepted", "\(deferred) deferred", "\(refused) refused"]
        if uncertain > 0 { parts.append("\(uncertain) uncertain") }
        var text = "\(attempted) message\(attempted == 1 ? "" : "s") sent to the server: " + parts.joined(separator: ", ")
        if waiting > 0 { text += "; \(waiting) waiting to retry" }
        if held > 0 { text += "; \(held) held (the server may already have them)" }
        return text
    }
}

/// Live progress for a batch: how far through, and the counts so far.
public struct SendProgress: Sendable {
    public var done: Int
    public var total: Int
    public var accepted: Int
    public var deferred: Int
    public var refused: Int
    public var uncertain: Int
    /// One line about the message just attempted.
    public var line: String
}
