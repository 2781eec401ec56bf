import Foundation
import PayChaseInput

/// At most `perMinute` messages handed to the server in any 60 seconds (`smtp.max_per_minute`):
/// relays limit rates, Exchange Online to about 30 a minute.
public struct SendPace: Sendable {
    public let perMinute: Int
    /// When the latest messages went, oldest first; never more than `perMinute` kept.
    private var recent: [Date] = []

    public init(perMinute: Int) { self.perMinute = max(1, perMinute) }

    /// The pace of what the service sends by itself (`auto_send`): the profile's
    /// `smtp.max_per_minute`, else no faster than 30 a minute.
    public init(autoSending settings: PracticeSettings) { self.init(perMinute: settings.maxPerMinute ?? 30) }

    /// How long to wait at `now` before the next message may go; zero when it may go now.
    public func delay(at now: Date) -> TimeInterval {
        guard recent.count >= perMinute, let oldest = recent.first else { return 0 }
        return max(0, 60 - now.timeIntervalSince(oldest))
    }

    /// How many more may go at `now` without waiting.
    public func room(at now: Date) -> Int {
        perMinute - recent.filter { now.timeIntervalSince($0) < 60 }.count
    }

    /// A message went at `instant`.
    public mutating func record(_ instant: Date) {
        recent.append(instant)
        if recent.count > perMinute { recent.removeFirst(recent.count - perMinute) }
    }
}
