extension String {
    /// Without spaces, tabs, CR and LF at either end.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isMailWhitespace($0) }),
            let last = scalars.lastIndex(where: { !Self.isMailWhitespace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    static func isMailWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
    }
}
