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
        let practice = document.practice
        let name = renderer.layout(practice.name, font: LetterFonts.practiceName)
        let address = renderer.layout(practice.address.joined(separator: " · "), font: LetterFonts.small)
        let contact = renderer.layout("Tel \(practice.phone) · \(practice.email) · ODS code \(practice.odsCode)", font: LetterFonts.small)
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

    /// The partners' minute: date, reference, heading and the body, whose last lines are the
    /// partners' signature lines; no address, salutation or sign-off.
    private static func minuteBlocks(
        _ document: RenderedDocument,
        _ block: (String, String, LetterBlock.Kind, Double) -> LetterBlock
    ) -> [LetterBlock] {
        var blocks = [
            block(document.date.formatted, LetterFonts.body, .whole, 0),
            block("Our ref: \(document.ourReference)", LetterFonts.body, .whole, 16),
        ]
        if let heading = document.heading { blocks.append(block(heading, LetterFonts.bold, .keepWithNext, 16)) }
        for (index, paragraph) in document.paragraphs.enumerated() {
            // The signature lines are never alone on a page.
            let kind: LetterBlock.Kind = index == document.paragraphs.count - 1 ? .withPrevious : .lines
            blocks.append(block(paragraph, LetterFonts.body, kind, 8))
        }
        return blocks
    }

    /// The letter's body as blocks the paginator places: date, address, references, salutation,
    /// heading, paragraphs, signature, copies and enclosures.
    private static func blocks(_ document: RenderedDocument, _ renderer: LetterRenderer) -> [LetterBlock] {
        func block(_ text: String, _ font: String, _ kind: LetterBlock.Kind, before: Double) -> LetterBlock {
            let laid = renderer.layout(text, font: font)
            return LetterBlock(kind: kind, spaceBefore: before, layout: laid.index, lines: laid.lines)
        }
        if document.isMinute { return minuteBlocks(document, block) }
        let recipient = document.recipient
        var blocks = [
            block(document.date.formatted, LetterFonts.body, .whole, before: 0),
            block(
                ([recipient.person].compactMap { $0 } + [recipient.name] + recipient.address).joined(separator: "\n"),
                LetterFonts.body,
                .whole,
                before: 16
            ),
            block(
                "Our ref: \(document.ourReference)" + (document.yourReference.map { "\u{2003}\u{2003}Your ref: \($0)" } ?? ""),
                LetterFonts.body,
                .whole,
                before: 16
            ),
            block("\(document.salutation),", LetterFonts.body, .keepWithNext, before: 16),
        ]
        if let heading = document.heading { blocks.append(block(heading, LetterFonts.bold, .keepWithNext, before: 10)) }
        for paragraph in document.paragraphs { blocks.append(block(paragraph, LetterFonts.body, .lines, before: 8)) }
        // Room for a handwritten signature between the sign-off and the name.
        let signature = ["\(document.signOff),", "", "", ""] + document.signatureLines
        blocks.append(block(signature.joined(separator: "\n"), LetterFonts.body, .withPrevious, before: 14))
        if !document.cc.isEmpty {
            blocks.append(block("cc: " + document.cc.joined(separator: "\n      "), LetterFonts.body, .lines, before: 16))
        }
        if !document.enclosures.isEmpty {
            blocks.append(
                block("Enc:\n" + document.enclosures.map { "\u{2022} \($0)" }.joined(separator: "\n"), LetterFonts.body, .lines, before: 16)
            )
        }
        return blocks
    }
}
