import Mustache

extension TemplateValue {
    /// The value as swift-mustache reads it. A group answers each name as it is asked for, and a
    /// text renders as itself: swift-mustache finds both by one cast each, where a
    /// `[String: Any]` of plain Strings took a conditional conformance check at every level of
    /// every name, and each String a Mirror and `String(describing:)` (half of drafting's time).
    /// What a template can do with them (sections, inverted sections, transforms such as
    /// `uppercased(name)` or `count(list)`) is as it was with the Strings and dictionaries.
    var mustacheValue: Any {
        switch self {
        case .text(let text): MustacheText(renderText: text)
        case .flag(let flag): flag
        case .list(let items): items.map(\.mustacheValue)
        case .object(let fields): MustacheGroup(fields: fields)
        }
    }
}

/// A group of named values, each made into what swift-mustache reads when it is asked for.
private struct MustacheGroup: MustacheParent, MustacheTransformable {
    let fields: [String: TemplateValue]

    func child(named name: String) -> Any? { fields[name]?.mustacheValue }

    func transform(_ name: String) -> Any? { fields.mapValues(\.mustacheValue).transform(name) }
}

/// A text, rendered as it is (and escaped where the template says, as any value). It has no
/// names of its own: inside a section over it, a name is looked for further out at once, where
/// swift-mustache would otherwise ask a `Mirror` of the text for it first (3.5% of drafting's
/// CPU under `perf`; 0.05% with this).
private struct MustacheText: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let renderText: String
    /// As a String was: a section over a text renders, even an empty one.
    var isNull: Bool { false }

    func child(named name: String) -> Any? { nil }

    func transform(_ name: String) -> Any? { renderText.transform(name) }
}
