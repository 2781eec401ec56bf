/// The data a template sees: text, yes/no flags, lists and named groups.
public indirect enum TemplateValue: Sendable, Hashable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// Looks up one name in a group.
    subscript(name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    /// Would a section over this value render its content?
    var isTruthy: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .flag(let flag): flag
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }

    /// Can a `{{variable}}` print this value?
    var isPrintable: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .flag: true
        case .list, .object: false
        }
    }

    /// Every dotted name this value answers (`claim.amount`), for listing and checking.
    public var dottedNames: [String] {
        guard case .object(let fields) = self else { return [] }
        return fields.keys.sorted().flatMap { key -> [String] in
            switch fields[key]! {
            case .object(let child): [key] + TemplateValue.object(child).dottedNames.map { "\(key).\($0)" }
            case .list(let items): [key] + (items.first?.dottedNames ?? []).map { "\(key).\($0)" }
            default: [key]
            }
        }
    }
}

/// Builds a group without the optional values that are missing, so a blank is never printed.
struct TemplateObject {
    private(set) var fields: [String: TemplateValue]

    /// `capacity`: about how many names it will have, so that the group is not grown step by step.
    init(capacity: Int = 0) { fields = Dictionary(minimumCapacity: capacity) }

    subscript(name: String) -> String? {
        get { if case .text(let text)? = fields[name] { return text } else { return nil } }
        set {
            if let newValue, !newValue.isEmpty { fields[name] = .text(newValue) } else { fields[name] = nil }
        }
    }

    mutating func set(_ name: String, _ value: TemplateValue) { fields[name] = value }

    var value: TemplateValue { .object(fields) }
}
