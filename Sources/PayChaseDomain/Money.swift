/// An amount of money in whole pence. Never floating point.
public struct Money: Sendable, Hashable, Comparable, Codable {
    public var pence: Int64

    public init(pence: Int64) { self.pence = pence }

    public static let zero = Money(pence: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence + rhs.pence) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence - rhs.pence) }

    /// This amount times `numerator` over `denominator`, to the nearest penny (halves away from
    /// zero): a month's claim as a quarter's worth is `scaled(by: 3, over: 1)`.
    public func scaled(by numerator: Int, over denominator: Int) -> Money {
        guard denominator > 0, numerator != denominator else { return self }
        let (whole, times) = (Int64(denominator), pence * Int64(numerator))
        return Money(pence: (times * 2 + (times >= 0 ? whole : -whole)) / (2 * whole))
    }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }

    /// `£1,234.56`; a negative amount reads `-£1,234.56`.
    public var formatted: String {
        let magnitude = pence.magnitude
        let pounds = magnitude / 100
        let rest = magnitude % 100
        let sign = pence < 0 ? "-" : ""
        return "\(sign)£\(Self.grouped(pounds)).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// `1234.56`, for machine-readable output.
    public var decimalString: String {
        let magnitude = pence.magnitude
        let rest = magnitude % 100
        return "\(pence < 0 ? "-" : "")\(magnitude / 100).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// Whole pounds, to the nearest (halves away from zero), for chart axes and summaries: `£1,234`.
    public var formattedPounds: String {
        let pounds = (pence.magnitude + 50) / 100
        return "\(pence < 0 && pounds > 0 ? "-" : "")£\(Self.grouped(pounds))"
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

extension Money {
    /// Why an amount could not be read.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case notANumber(String)
        case negative(String)
        case tooManyDecimals(String)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .empty: "no amount given"
            case .notANumber(let text): "'\(text)' is not an amount in pounds (write 1234.56 or £1,234.56)"
            case .negative(let text): "'\(text)' is negative; amounts are never below zero"
            case .tooManyDecimals(let text): "'\(text)' has more than two decimal places; amounts are exact pence"
            case .tooLarge(let text): "'\(text)' is too large to be a claim"
            }
        }
    }

    /// Reads `1234.56`, `£1,234.56`, `1,234`, ` 12.5 ` exactly, as pence.
    public init(parsing raw: String) throws(ParseError) {
        var text = raw.trimmingSpaces()
        guard !text.isEmpty else { throw .empty }
        // `179.19`, `£179.19`, `0.00`, as nearly every row of a claims file has it: read from the
        // bytes. Anything else (commas, a sign, a mistake) is read below, as it always was.
        if let pence = Self.plainPence(text) {
            self.init(pence: pence)
            return
        }
        if text.hasPrefix("-") || text.hasPrefix("(") { throw .negative(raw.trimmingSpaces()) }
        if text.hasPrefix("+") { text.removeFirst() }
        if text.hasPrefix("£") { text.removeFirst() }
        if text.hasPrefix("-") { throw .negative(raw.trimmingSpaces()) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2 else {
            throw .notANumber(raw.trimmingSpaces())
        }
        guard let pounds = Self.wholePounds(String(whole)) else { throw .notANumber(raw.trimmingSpaces()) }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard !decimals.isEmpty, decimals.allSatisfy(\.isASCIIDigit) else { throw .notANumber(raw.trimmingSpaces()) }
            guard decimals.count <= 2 else { throw .tooManyDecimals(raw.trimmingSpaces()) }
            fraction = Int64(decimals)! * (decimals.count == 1 ? 10 : 1)
        }
        guard pounds < 1_000_000_000_000 else { throw .tooLarge(raw.trimmingSpaces()) }
        self.init(pence: pounds * 100 + fraction)
    }

    /// The pence of `[£]digits[.d or .dd]`, the digits grouped in threes by commas or not, up to
    /// twelve digits of pounds; nil for anything else.
    private static func plainPence(_ text: String) -> Int64? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int64? in
            var at = 0
            if bytes.count >= 2, bytes[0] == 0xC2, bytes[1] == 0xA3 { at = 2 }  // £
            var pounds: Int64 = 0
            var digits = 0
            // Digits in the group being read, and whether a comma came before it.
            var group = 0
            var grouped = false
            while at < bytes.count, bytes[at] != UInt8(ascii: ".") {
                let byte = bytes[at]
                if byte == UInt8(ascii: ",") {
                    // The first group has one to three digits, every later one three.
                    guard group > 0, grouped ? group == 3 : group <= 3 else { return nil }
                    grouped = true
                    group = 0
                } else {
                    guard (48...57).contains(byte), digits < 12 else { return nil }
                    pounds = pounds * 10 + Int64(byte - 48)
                    digits += 1
                    group += 1
                }
                at += 1
            }
            guard digits > 0, grouped ? group == 3 : true else { return nil }
            if at == bytes.count { return pounds * 100 }
            let decimals = bytes.count - at - 1
            guard decimals == 1 || decimals == 2 else { return nil }
            var fraction: Int64 = 0
            for byte in bytes[(at + 1)...] {
                guard (48...57).contains(byte) else { return nil }
                fraction = fraction * 10 + Int64(byte - 48)
            }
            return pounds * 100 + (decimals == 1 ? fraction * 10 : fraction)
        } ?? nil
    }

    /// Digits with optional thousands separators in the right places (`1,234,567`).
    private static func wholePounds(_ text: String) -> Int64? {
        if text.isEmpty { return 0 }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.count <= 15 else { return Int64.max }
        return Int64(digits)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Trims spaces, tabs and non-breaking spaces (Excel exports them) at both ends.
    public func trimmingSpaces() -> String {
        // Most text has nothing to trim: when neither end's byte can belong to a space, tab or
        // non-breaking space (C2 A0), no Character at either end is one.
        if let first = utf8.first, let last = utf8.last, ![0x20, 0x09, 0xC2].contains(first), ![0x20, 0x09, 0xA0].contains(last) {
            return self
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}
