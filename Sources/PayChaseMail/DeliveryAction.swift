/// RFC 3464's Action field.
public enum DeliveryAction: String, Sendable, Hashable, CaseIterable {
    case failed, delayed, delivered, relayed, expanded

    /// `failed`, `Delayed`, `failed (bad destination)`: the first word, in any case.
    init?(field: String?) {
        guard let word = field?.trimmingWhitespace.lowercased().split(whereSeparator: { !$0.isLetter }).first else { return nil }
        self.init(rawValue: String(word))
    }

    /// From a status code's class when a report leaves Action out: 2 delivered, 4 delayed, 5 failed.
    init?(statusClass status: String?) {
        switch status?.first {
        case "2": self = .delivered
        case "4": self = .delayed
        case "5": self = .failed
        default: return nil
        }
    }
}
