/// A printable A4 report laid out by the letters engine: a title, a lead, then sections of
/// paragraphs, paginated the same way (nothing runs off a page, headings stay with what follows).
public enum ReportPDF {
    public struct Section: Sendable {
        public var heading: String
        public var paragraphs: [String]
        /// Paragraphs in a small monospaced face (hashes, file names) rather than the body face.
        public var fixedWidth: Bool

        public init(heading: String, paragraphs: [String], fixedWidth: Bool = false) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.fixedWidth = fixedWidth
        }
    }

    public static func render(title: String, author: String, lead: [String], sections: [Section]) throws(LetterError) -> [UInt8] {
        let renderer = try LetterRenderer(title: title, author: author)
        func block(_ text: String, _ font: String, _ kind: LetterBlock.Kind, before: Double) -> LetterBlock {
            let laid = renderer.layout(text, font: font)
            return LetterBlock(kind: kind, spaceBefore: before, layout: laid.index, lines: laid.lines)
        }
        var blocks = [block(title, LetterFonts.practiceName, .keepWithNext, before: 0)]
        blocks += lead.map { block($0, LetterFonts.body, .lines, before: 6) }
        for section in sections {
            blocks.append(block(section.heading, LetterFonts.bold, .keepWithNext, before: 16))
            let font = section.fixedWidth ? LetterFonts.fixed : LetterFonts.body
            blocks += section.paragraphs.map { block($0, font, .lines, before: 5) }
        }
        var paginator = Paginator(startingAt: PageGeometry.top + 12)
        paginator.place(blocks)
        PageDrawing.draw(paginator.pages, with: renderer, running: "\(author) · \(title)") {}
        return try renderer.finish()
    }
}
