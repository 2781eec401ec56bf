import Foundation
import PayChaseDomain

/// What the worker last did for each practice, for the dashboard: "receipts read at 10:05".
actor WorkerLog {
    private var lines: [String: [String: String]] = [:]

    /// Notes `text` under `topic` (receipts, queue, auto-send) for the practice.
    func note(_ slug: String, _ topic: String, _ text: String, at instant: Date) {
        lines[slug, default: [:]][topic] = "\(text) (\(LondonTime.clock(instant)))"
    }

    /// The practice's notes, one line.
    func summary(_ slug: String) -> String? {
        guard let notes = lines[slug], !notes.isEmpty else { return nil }
        return notes.keys.sorted().map { notes[$0]! }.joined(separator: "; ")
    }
}
