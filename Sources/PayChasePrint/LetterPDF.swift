import PayChaseDocuments

/// A rendered document as a printable A4 letter: letterhead, date, address block, references,
/// salutation, bold heading, paragraphs, sign-off, signatory, enclosures, and "Page N of M" on
/// every page of a letter longer than one.
public enum LetterPDF {
    public static func render(_ document: RenderedDocument) throws(LetterError) -> [UInt8] {
        let practice = document.practice
        let renderer = try LetterRenderer(title: document.heading ?? document.template, author: practice.name)
        let (letterhead, ruleY) = letterhead(document, renderer)
        var paginator = Paginator(startingAt: ruleY + 22)
        paginator.place(blocks(document, renderer))
        let pages = paginator.pages
        PageDrawing.draw(pages, with: renderer, running: "\(practice.name) · Our ref: \(document.ourReference) · \(document.date.formatted)") {
            for line in letterhead { renderer.draw(layout: line.layout, line: line.line, y: line.y) }
            renderer.rule(y: ruleY)
        }
        return try renderer.finish()
    }

    /// The first page's letterhead lines, and where the rule under them goes.
    private static func letterhead(_ document: RenderedDocument, _ renderer: LetterRenderer) -> (lines: [PlacedLine], ruleY: Double) {
        let head = LetterParts(document).letterhead
        let name = renderer.layout(head[0], font: LetterFonts.practiceName)
        let address = renderer.layout(head[1], font: LetterFonts.small)
        let contact = renderer.layout(head[2], font: LetterFonts.small)
        var headY = PageGeometry.top
        var lines: [PlacedLine] = []
        for part in [name, address, contact] {
            for (index, line) in part.lines.enumerated() {
                lines.append(PlacedLine(layout: part.index, line: index, y: headY + line.top + line.baseline))
            }
            headY += part.lines.last.map { $0.top + $0.height } ?? 0
            headY += 2
        }
        return (lines, headY + 4)
    }

    /// The letter's body as blocks the paginator places, from its parts: date, address,
    /// references, salutation, heading, paragraphs, signature, copies and enclosures.
    private static func blocks(_ document: RenderedDocument, _ renderer: LetterRenderer) -> [LetterBlock] {
        func block(_ text: String, _ font: String, _ kind: LetterBlock.Kind, before: Double) -> LetterBlock {
            let laid = renderer.layout(text, font: font)
            return LetterBlock(kind: kind, spaceBefore: before, layout: laid.index, lines: laid.lines)
        }
        let letter = LetterParts(document)
        return letter.parts.map { part in
            switch part {
            case .date(let date): block(date, LetterFonts.body, .whole, before: 0)
            case .address(let lines): block(lines.joined(separator: "\n"), LetterFonts.body, .whole, before: 16)
            case .references(let text): block(text, LetterFonts.body, .whole, before: 16)
            case .salutation(let text): block(text, LetterFonts.body, .keepWithNext, before: 16)
            case .heading(let text): block(text, LetterFonts.bold, .keepWithNext, before: letter.isMinute ? 16 : 10)
            case .paragraph(let text, let kept): block(text, LetterFonts.body, kept ? .withPrevious : .lines, before: 8)
            // Room for a handwritten signature between the sign-off and the name.
            case .signature(let signOff, let lines):
                block(([signOff, "", "", ""] + lines).joined(separator: "\n"), LetterFonts.body, .withPrevious, before: 14)
            case .copies(let names): block("cc: " + names.joined(separator: "\n      "), LetterFonts.body, .lines, before: 16)
            case .enclosures(let lines): block((["Enc:"] + lines).joined(separator: "\n"), LetterFonts.body, .lines, before: 16)
            }
        }
    }
}
