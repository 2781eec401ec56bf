/// Hours of work, exact to the hundredth of an hour (never floating point).
public struct Hours: Sendable, Hashable, Comparable, Codable {
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    public static let zero = Hours(hundredths: 0)

    public static func + (lhs: Hours, rhs: Hours) -> Hours { Hours(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func < (lhs: Hours, rhs: Hours) -> Bool { lhs.hundredths < rhs.hundredths }

    /// The cost of these hours at `rate` an hour, to the nearest penny (halves up).
    public func cost(at rate: Money) -> Money {
        let product = rate.pence * hundredths
        return Money(pence: (product + 50) / 100)
    }

    /// `12`, `12.5`, `1,234.25`.
    public var formatted: String {
        let whole = Money.grouped(UInt64(hundredths.magnitude / 100))
        let rest = hundredths.magnitude % 100
        if rest == 0 { return String(whole) }
        return "\(whole)." + (rest % 10 == 0 ? "\(rest / 10)" : (rest < 10 ? "0\(rest)" : "\(rest)"))
    }

    /// Why a number of hours could not be read.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case notANumber(String)
        case tooManyDecimals(String)

        public var description: String {
            switch self {
            case .notANumber(let text): "'\(text)' is not a number of hours (write 120 or 37.5; never below zero)"
            case .tooManyDecimals(let text): "'\(text)' has more than two decimal places"
            }
        }
    }

    /// Reads `120`, `37.5`, `1,234.25`; empty is zero.
    public init(parsing raw: String) throws(ParseError) {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else {
            self = .zero
            return
        }
        // Hours are read as amounts are (exact, grouped thousands), without a pound sign.
        guard !text.contains("£") else { throw .notANumber(text) }
        do {
            self.init(hundredths: try Money(parsing: text).pence)
        } catch .tooManyDecimals {
            throw .tooManyDecimals(text)
        } catch {
            throw .notANumber(text)
        }
    }
}
