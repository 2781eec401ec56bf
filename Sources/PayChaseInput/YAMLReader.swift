import PayChaseDomain
import Yams

/// Walks a YAML document by key path, collecting every problem as `FILE: key: message`.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Things worth saying that do not stop the profile being used (an old key read as a new one).
    private(set) var notes: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func report(_ key: String, _ message: String, line: Int? = nil) {
        diagnostics.append(Diagnostic(file: file, line: line, field: key, message: message))
    }

    mutating func note(_ key: String, _ message: String) {
        notes.append(Diagnostic(file: file, field: key, message: message))
    }

    /// A whole number within `range`, or nil when absent.
    mutating func integer(_ mapping: Node.Mapping?, _ name: String, at key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = mapping?[name], node.null == nil else { return nil }
        guard let value = node.int, range.contains(value) else {
            report(join(key, name), "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// The mapping at `key`, reporting any key it has that is not in `allowed`.
    mutating func mapping(_ node: Node?, at key: String, allowed: [String], required: Bool = true) -> Node.Mapping? {
        guard let node else {
            if required { report(key, "is missing") }
            return nil
        }
        guard let mapping = node.mapping else {
            report(key, "must be a set of 'name: value' entries")
            return nil
        }
        for name in mapping.keys.compactMap(\.string) where !allowed.contains(name) {
            report(join(key, name), "is not a setting PayChase knows (expected one of: \(allowed.joined(separator: ", ")))")
        }
        return mapping
    }

    /// A one-line text value; text that may reach a mail header must have no line breaks.
    mutating func string(_ mapping: Node.Mapping?, _ name: String, at key: String, required: Bool = true) -> String? {
        let path = join(key, name)
        guard let node = mapping?[name], node.null == nil else {
            if required && mapping != nil { report(path, "is missing") }
            return nil
        }
        guard node.mapping == nil, node.sequence == nil, let value = node.string?.trimmingSpaces() else {
            report(path, "must be a single value")
            return nil
        }
        if value.isEmpty {
            if required { report(path, "is empty") }
            return nil
        }
        if value.hasHeaderUnsafeCharacters {
            report(path, "contains a line break or control character; it must be one line (it can reach an email header)")
            return nil
        }
        return value
    }

    mutating func email(_ mapping: Node.Mapping?, _ name: String, at key: String, required: Bool = true) -> String? {
        guard let value = string(mapping, name, at: key, required: required) else { return nil }
        guard EmailAddress.isValid(value) else {
            report(join(key, name), "'\(value)' is not an email address like name@example.nhs.uk")
            return nil
        }
        if EmailAddress.hasEncodedWord(value) {
            report(
                join(key, name),
                "'\(value)' has an encoded word (=?...?=) in it, which mail programs decode into a different address than servers deliver to; write the address as plain letters"
            )
            return nil
        }
        return value
    }

    mutating func bool(_ mapping: Node.Mapping?, _ name: String, at key: String, default fallback: Bool) -> Bool {
        guard let node = mapping?[name], node.null == nil else { return fallback }
        guard let value = node.bool else {
            report(join(key, name), "must be true or false")
            return fallback
        }
        return value
    }

    /// A list of one-line texts, such as an address.
    mutating func lines(_ mapping: Node.Mapping?, _ name: String, at key: String, required: Bool = true) -> [String] {
        let path = join(key, name)
        guard let node = mapping?[name], node.null == nil else {
            if required && mapping != nil { report(path, "is missing") }
            return []
        }
        guard let sequence = node.sequence else {
            report(path, "must be a list, such as [\"1 River Road\", \"London\", \"E1 1AA\"]")
            return []
        }
        var lines: [String] = []
        for item in sequence {
            guard let text = item.string?.trimmingSpaces(), !text.isEmpty, item.mapping == nil, item.sequence == nil else {
                report(path, "every line must be text")
                continue
            }
            if text.hasHeaderUnsafeCharacters {
                report(path, "'\(text.prefix(20))…' contains a line break; give each line as its own list item")
                continue
            }
            lines.append(text)
        }
        if lines.isEmpty && required && diagnostics.allSatisfy({ $0.field != path }) { report(path, "is empty") }
        return lines
    }

    func join(_ key: String, _ name: String) -> String { key.isEmpty ? name : "\(key).\(name)" }
}
