/// A quote that CSV.swift reads otherwise than the file means, and where it is.
struct QuoteProblem: Equatable {
    enum Kind {
        /// A quoted field with no closing quote: the rest of the file becomes that one field.
        case unclosed
        /// A lone quote inside a quoted field: CSV.swift keeps it and drops the character after it.
        case undoubled
    }

    var kind: Kind
    var line: Int
    /// The record (0 is the header) and the field in it.
    var record: Int
    var field: Int

    var message: String {
        switch kind {
        case .unclosed: "a quoted field is never closed: a \" is missing before the end of the file"
        case .undoubled: "a quote (\") inside a quoted field must be doubled (\"\"), or the text after it is misread"
        }
    }
}

/// CSV text as CSV.swift reads it, and where that differs from what the file means.
enum CSVText {
    /// Reads the quotes of `text` as CSV.swift does, to find what it passes over in silence.
    /// A field is quoted only when its first character is a quote, so a quote inside an unquoted
    /// field (`Dr "Bob" Smith`) is just text, as Excel reads it too, and moves no line; counting
    /// quotes cannot tell such a quote from a missing one, and so once hid an unclosed field.
    static func quoteProblems(in text: String) -> [QuoteProblem] {
        let scalars = Array(text.unicodeScalars)
        var problems: [QuoteProblem] = []
        var line = 1
        var record = 0
        var field = 0
        var atFieldStart = true
        var index = 0
        func next(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

        while let scalar = next() {
            index += 1
            if atFieldStart && scalar == "\"" {
                let opened = line
                var closed = false
                while let inside = next() {
                    index += 1
                    if inside == "\"" {
                        let after = next()
                        if after == "\"" {
                            index += 1
                        } else if after == nil || after == "," || after == "\r" || after == "\n" {
                            closed = true
                            break
                        } else {
                            let problem = QuoteProblem(kind: .undoubled, line: line, record: record, field: field)
                            if problems.last.map({ ($0.record, $0.field) != (record, field) }) ?? true { problems.append(problem) }
                            index += 1  // the character CSV.swift drops
                        }
                    } else if inside == "\r" || inside == "\n" {
                        if inside == "\r", next() == "\n" { index += 1 }
                        line += 1
                    }
                }
                if !closed {
                    problems.append(QuoteProblem(kind: .unclosed, line: opened, record: record, field: field))
                    break
                }
                atFieldStart = false
                continue
            }
            switch scalar {
            case ",":
                field += 1
                atFieldStart = true
            case "\r", "\n":
                if scalar == "\r", next() == "\n" { index += 1 }
                line += 1
                record += 1
                field = 0
                atFieldStart = true
            default:
                atFieldStart = false
            }
        }
        return problems
    }
}
