/// One piece of a letter to place on the page: a laid-out text whose lines may or may not split.
struct LetterBlock {
    enum Kind {
        /// Never split across pages (an address, the signature).
        case whole
        /// May break between lines (a paragraph).
        case lines
        /// Must not end a page: it moves to the next page with the start of what follows (a heading).
        case keepWithNext
        /// Never split, and never alone at the top of a page: when it must go over, the last lines
        /// of the paragraph before it go with it (the signature).
        case withPrevious
    }

    var kind: Kind
    var spaceBefore: Double
    /// Index of the Pango layout in the renderer.
    var layout: Int
    var lines: [LineMetrics]
    /// A table row: its cells side by side, in one face, so their lines share tops; `lines` are
    /// the tallest cell's, and the row breaks between lines like a paragraph.
    var cells: [Cell] = []
    /// A chart the renderer keeps, painted in the block's place (`lines` is then one line as tall as it).
    var figure: Int?

    struct Cell {
        var layout: Int
        var x: Double
        var lineCount: Int
    }

    var height: Double { lines.last.map { $0.top + $0.height } ?? 0 }
}

/// Where one line of a layout sits, in points from the layout's top.
struct LineMetrics {
    var top: Double
    var height: Double
    var baseline: Double
    var width: Double
}

/// One line placed on a page.
struct PlacedLine {
    var layout: Int
    var line: Int
    /// Baseline position on the page.
    var y: Double
    var x: Double = PageGeometry.left
    /// A chart to paint with its foot at `y`, instead of a line of text.
    var figure: Int?
}

/// Breaks blocks into pages: orphans and widows avoided, headings kept with what follows.
struct Paginator {
    private(set) var pages: [[PlacedLine]] = [[]]
    private var y: Double
    private let firstTop: Double

    init(startingAt y: Double) {
        self.y = y
        firstTop = y
    }

    private var atTopOfPage: Bool { pages.last!.isEmpty && (pages.count > 1 || y == firstTop) }
    private var space: Double { PageGeometry.bottom - y }

    private mutating func newPage() {
        pages.append([])
        y = PageGeometry.continuationTop
    }

    mutating func place(_ blocks: [LetterBlock]) {
        for (index, block) in blocks.enumerated() {
            if !atTopOfPage { y += block.spaceBefore }
            // Nothing may run off the page: a block that cannot fit on a whole page breaks between lines.
            let tooTall = block.height > PageGeometry.bottom - PageGeometry.continuationTop || (atTopOfPage && block.height > space)
            let kind = tooTall ? .lines : block.kind
            switch kind {
            case .whole, .withPrevious:
                if block.height > space && !atTopOfPage { newPage() }
                put(block, lines: 0..<block.lines.count)
            case .keepWithNext:
                let next = blocks.dropFirst(index + 1).first
                let needed = block.height + (next.map { $0.spaceBefore + Self.height(of: $0, lines: min(2, $0.lines.count)) } ?? 0)
                if needed > space && !atTopOfPage { newPage() }
                put(block, lines: 0..<block.lines.count)
            case .lines:
                var start = 0
                while start < block.lines.count {
                    var fit = fitting(block, from: start)
                    let remaining = block.lines.count - start
                    if fit == remaining, let next = blocks.dropFirst(index + 1).first, next.kind == .withPrevious,
                        y + Self.height(of: block, from: start) + next.spaceBefore + next.height > PageGeometry.bottom
                    {
                        // The rest fits but what follows would start the next page alone: two lines go with it.
                        fit = atTopOfPage && remaining <= 2 ? remaining : max(0, remaining - 2)
                        if fit == 0 && atTopOfPage { fit = remaining }
                    }
                    if fit < remaining {
                        if fit == remaining - 1 && remaining >= 3 { fit -= 1 }  // no widow on the next page
                        if fit == 1 && remaining >= 2 { fit = 0 }  // no orphan at the foot
                        if fit == 0 && atTopOfPage { fit = 1 }
                    }
                    if fit == 0 {
                        newPage()
                        continue
                    }
                    put(block, lines: start..<(start + fit))
                    start += fit
                    if start < block.lines.count { newPage() }
                }
            }
        }
    }

    /// How many lines from `start` fit in the space left on this page.
    private func fitting(_ block: LetterBlock, from start: Int) -> Int {
        let origin = block.lines[start].top
        var count = 0
        for line in block.lines[start...] where line.top + line.height - origin <= space {
            count += 1
        }
        return count
    }

    private mutating func put(_ block: LetterBlock, lines range: Range<Int>) {
        guard let first = range.first else { return }
        let origin = block.lines[first].top
        for index in range {
            let line = block.lines[index]
            let baseline = y + line.top - origin + line.baseline
            if block.cells.isEmpty {
                pages[pages.count - 1].append(PlacedLine(layout: block.layout, line: index, y: baseline, figure: block.figure))
            }
            for cell in block.cells where index < cell.lineCount {
                pages[pages.count - 1].append(PlacedLine(layout: cell.layout, line: index, y: baseline, x: cell.x))
            }
        }
        let last = block.lines[range.last!]
        y += last.top + last.height - origin
    }

    /// The height of the block's lines from `start` to its end.
    private static func height(of block: LetterBlock, from start: Int) -> Double {
        block.height - block.lines[start].top
    }

    private static func height(of block: LetterBlock, lines count: Int) -> Double {
        guard count > 0 else { return 0 }
        let last = block.lines[count - 1]
        return last.top + last.height
    }
}
