/// A printable A4 report laid out by the letters engine: a title, a lead, then sections of
/// paragraphs, paginated the same way (nothing runs off a page, headings stay with what follows).
public enum ReportPDF {
    public struct Section: Sendable {
        public var heading: String
        public var paragraphs: [String]
        /// Paragraphs in a small monospaced face (hashes, file names) rather than the body face.
        public var fixedWidth: Bool
        /// A table after the paragraphs, if any.
        public var table: Table?
        /// A chart between the paragraphs and the table, the text's width and `chartHeight` tall.
        public var chart: BarChart?

        public init(heading: String, paragraphs: [String], fixedWidth: Bool = false, table: Table? = nil, chart: BarChart? = nil) {
            self.heading = heading
            self.paragraphs = paragraphs
            self.fixedWidth = fixedWidth
            self.table = table
            self.chart = chart
        }
    }

    /// Columns with titles and shares of the text width; every cell wraps in its column.
    public struct Table: Sendable {
        public var columns: [(title: String, share: Double)]
        public var rows: [[String]]

        public init(columns: [(title: String, share: Double)], rows: [[String]]) {
            self.columns = columns
            self.rows = rows
        }
    }

    /// A chart's height on the page, in points (about 9 cm).
    static let chartHeight = 250.0

    /// The gap between columns, in points.
    static let columnGap = 6.0

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
            if let chart = section.chart {
                let figure = renderer.add(figure: ChartLayout(chart, width: PageGeometry.textWidth, height: chartHeight, measure: renderer.textWidth))
                let line = LineMetrics(top: 0, height: chartHeight, baseline: chartHeight, width: PageGeometry.textWidth)
                blocks.append(LetterBlock(kind: .whole, spaceBefore: 10, layout: -1, lines: [line], figure: figure))
            }
            if let table = section.table { blocks += rows(of: table, renderer: renderer) }
        }
        var paginator = Paginator(startingAt: PageGeometry.top + 12)
        paginator.place(blocks)
        PageDrawing.draw(paginator.pages, with: renderer, running: "\(author) · \(title)") {}
        return try renderer.finish()
    }

    /// The title row (kept with the first row), then a block per row.
    static func rows(of table: Table, renderer: LetterRenderer) -> [LetterBlock] {
        let total = table.columns.map(\.share).reduce(0, +)
        var x = PageGeometry.left
        let frames: [(x: Double, width: Double)] = table.columns.map { column in
            let width = PageGeometry.textWidth * column.share / total
            defer { x += width }
            return (x, width - columnGap)
        }
        func row(_ texts: [String], font: String, kind: LetterBlock.Kind, before: Double) -> LetterBlock {
            let cells = zip(texts, frames).map { text, frame in (renderer.layout(text, font: font, width: frame.width), frame.x) }
            let tallest = cells.max { $0.0.lines.count < $1.0.lines.count }!.0
            return LetterBlock(
                kind: kind,
                spaceBefore: before,
                layout: tallest.index,
                lines: tallest.lines,
                cells: cells.map { LetterBlock.Cell(layout: $0.0.index, x: $0.1, lineCount: $0.0.lines.count) }
            )
        }
        return [row(table.columns.map(\.title), font: LetterFonts.tableHead, kind: .keepWithNext, before: 8)]
            + table.rows.map { row($0, font: LetterFonts.table, kind: .lines, before: 4) }
    }
}
