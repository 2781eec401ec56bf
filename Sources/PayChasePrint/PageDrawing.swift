/// Draws paginated lines page by page, the same way for letters and reports: the first page's
/// own head, a running header from page 2, and "Page N of M" at the foot when there is more
/// than one page.
enum PageDrawing {
    static func draw(_ pages: [[PlacedLine]], with renderer: LetterRenderer, running text: String, firstPageHead: () -> Void) {
        let running = renderer.layout(text, font: LetterFonts.small)
        for (number, page) in pages.enumerated() {
            if number == 0 {
                firstPageHead()
            } else {
                renderer.draw(layout: running.index, line: 0, y: PageGeometry.top + (running.lines.first?.baseline ?? 8))
            }
            for line in page {
                if let figure = line.figure {
                    renderer.paint(figure: figure, x: line.x, y: line.y - renderer.figureHeight(figure))
                } else {
                    renderer.draw(layout: line.layout, line: line.line, y: line.y, x: line.x)
                }
            }
            if pages.count > 1 {
                let footer = renderer.layout("Page \(number + 1) of \(pages.count)", font: LetterFonts.small)
                let centred = PageGeometry.left + (PageGeometry.textWidth - (footer.lines.first?.width ?? 0)) / 2
                renderer.draw(layout: footer.index, line: 0, y: PageGeometry.footerBaseline, x: centred)
            }
            renderer.endPage()
        }
    }
}
