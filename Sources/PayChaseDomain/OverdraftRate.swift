/// What money costs the practice while it waits for it: its overdraft or borrowing rate, a year,
/// in hundredths of a percent (`costs.overdraft_rate: 9.5` is 950).
public struct OverdraftRate: Sendable, Hashable, Codable {
    public var basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }

    /// Reads `9.5`, `9.5%` or `9.50 %`: at most two decimals, from 0 to 100.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces().replacingOccurrences(of: "%", with: "").trimmingSpaces()
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].allSatisfy(\.isNumber) else { return nil }
        var hundredths = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let fraction = Int(parts[1]) else { return nil }
            hundredths = parts[1].count == 1 ? fraction * 10 : fraction
        }
        let points = whole * 100 + hundredths
        guard (0...10_000).contains(points) else { return nil }
        basisPoints = points
    }

    /// `9.5%`.
    public var description: String {
        let whole = basisPoints / 100
        let rest = basisPoints % 100
        return rest == 0 ? "\(whole)%" : rest % 10 == 0 ? "\(whole).\(rest / 10)%" : "\(whole).\(rest < 10 ? "0" : "")\(rest)%"
    }

    /// The interest on `pence` owed for `days` days, to the nearest penny: pence × rate × days / 365.
    public func cost(ofPenceDays penceDays: Int64) -> Money {
        let numerator = penceDays * Int64(basisPoints)
        let denominator: Int64 = 10_000 * 365
        return Money(pence: (numerator * 2 + denominator) / (denominator * 2))
    }

    /// A month's interest on `amount`: amount × rate / 12, to the nearest penny.
    public func monthly(on amount: Money) -> Money {
        let numerator = amount.pence * Int64(basisPoints)
        let denominator: Int64 = 10_000 * 12
        return Money(pence: (numerator * 2 + denominator) / (denominator * 2))
    }
}
