/// Walks a template's tags against its data so that nothing renders blank.
///
/// swift-mustache, like the Mustache spec, prints a missing name as nothing. This walk runs
/// first and refuses: with real data it names the variable that has no value; against the
/// schema (every field filled in) it names variables that PayChase never provides.
struct StrictCheck {
    enum Mode {
        /// Real data: a variable without a value is an error; sections follow the data.
        case data
        /// The full schema: every section is entered, an unknown name is an error.
        case schema
    }

    let file: String
    let mode: Mode
    private(set) var problems: [TemplateError] = []

    init(file: String, mode: Mode) {
        self.file = file
        self.mode = mode
    }

    mutating func walk(_ nodes: [TagNode], stack: [TemplateValue]) {
        for node in nodes {
            switch node {
            case .variable(let tag):
                let value = resolve(tag, in: stack)
                if mode == .schema, value == nil {
                    report(tag, "unknown variable \(tag.name)")
                } else if mode == .data, value?.isPrintable != true {
                    let hint =
                        value == nil
                        ? "wrap it in {{#\(tag.name)}}...{{/\(tag.name)}} if it may be blank"
                        : "it is a list or group; use it as a section"
                    report(tag, "no value for \(tag.name) (\(hint))", variable: value == nil ? tag.name : nil)
                }
            case .section(let tag, let inverted, let children):
                let value = resolve(tag, in: stack)
                switch mode {
                case .schema:
                    guard let value else {
                        report(tag, "unknown variable \(tag.name)")
                        continue
                    }
                    if case .list(let items) = value, let first = items.first, !inverted {
                        walk(children, stack: stack + [first])
                    } else {
                        walk(children, stack: inverted ? stack : stack + [value])
                    }
                case .data:
                    let truthy = value?.isTruthy ?? false
                    if inverted {
                        if !truthy { walk(children, stack: stack) }
                    } else if case .list(let items)? = value {
                        for item in items { walk(children, stack: stack + [item]) }
                    } else if truthy, let value {
                        walk(children, stack: stack + [value])
                    }
                }
            }
        }
    }

    private mutating func report(_ tag: TemplateTag, _ message: String, variable: String? = nil) {
        let problem = TemplateError(file: file, line: tag.line, message: message, variable: variable)
        if !problems.contains(problem) { problems.append(problem) }
    }

    /// Mustache name resolution: the first part up the stack, the rest inside what it found.
    func resolve(_ tag: TemplateTag, in stack: [TemplateValue]) -> TemplateValue? {
        guard let head = tag.path.first else { return stack.last }
        var found: TemplateValue?
        for context in stack.reversed() {
            if let value = context[head] {
                found = value
                break
            }
        }
        guard var value = found else { return nil }
        for part in tag.path.dropFirst() {
            guard let next = value[part] else { return nil }
            value = next
        }
        return value
    }
}
