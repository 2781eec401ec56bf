extension JSONClaimReader {
    /// A JSON number's text as plain decimals, exactly: `1e3` is `1000`, `12345e-2` is `123.45`,
    /// and `1234.565` stays as it is so it is refused for its third decimal, as in a CSV file.
    static func plainDecimal(_ literal: String) -> String {
        guard let e = literal.firstIndex(where: { $0 == "e" || $0 == "E" }),
            let exponent = Int(literal[literal.index(after: e)...]), abs(exponent) <= 64
        else { return literal }
        var mantissa = literal[..<e]
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0]) + (parts.count > 1 ? Array(parts[1]) : [])
        var point = parts[0].count + exponent
        if point < 0 {
            digits.insert(contentsOf: repeatElement("0", count: -point), at: 0)
            point = 0
        }
        if point > digits.count { digits += repeatElement("0", count: point - digits.count) }
        let whole = String(digits[..<point].drop { $0 == "0" })
        let fraction = String(digits[point...])
        return sign + (whole.isEmpty ? "0" : whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
