/// Where a problem is in a file, written the one way PayChase (and compilers) write it:
/// `claims.csv:4: amount: '12.345' has more than two decimal places`, `claims.json:3:17: ...`,
/// `chase.mustache:12: unknown variable claim.refernce`, `Outbox/deliveries.jsonl:5: was edited`.
public enum FileLine {
    /// `column` counts only with a line; `field` is the column (claims) or key (profile) at fault.
    public static func format(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String) -> String {
        var text = file
        if let line { text += ":\(line)" }
        if let column, line != nil { text += ":\(column)" }
        text += ": "
        if let field { text += "\(field): " }
        return text + message
    }
}
