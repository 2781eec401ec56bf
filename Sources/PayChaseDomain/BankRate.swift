extension Int {
    /// Basis points as a percentage: 1225 reads `12.25%`, 800 reads `8%`.
    public var percentText: String {
        let whole = self / 100
        let rest = self % 100
        if rest == 0 { return "\(whole)%" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)%" : "\(whole).\(rest < 10 ? "0" : "")\(rest)%"
    }
}
