import Foundation
import PayChaseDomain

/// What the worker last did for each practice, for the dashboard: "receipts read at 10:05".
actor WorkerLog {
    private struct Line {
        var text: String
        var at: Date
    }

    private var lines: [String: [String: Line]] = [:]

    /// Notes `text` under `topic` (receipts, queue, auto-send) for the practice; false when it
    /// says what the last note on the topic said (a problem that persists is logged once).
    @discardableResult
    func note(_ slug: String, _ topic: String, _ text: String, at instant: Date) -> Bool {
        let changed = lines[slug]?[topic]?.text != text
        lines[slug, default: [:]][topic] = Line(text: text, at: instant)
        return changed
    }

    /// The practice's notes, one line.
    func summary(_ slug: String) -> String? {
        guard let notes = lines[slug], !notes.isEmpty else { return nil }
        return notes.keys.sorted().map { "\(notes[$0]!.text) (\(LondonTime.clock(notes[$0]!.at)))" }.joined(separator: "; ")
    }
}
