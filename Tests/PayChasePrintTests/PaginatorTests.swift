import Testing

@testable import PayChasePrint

struct PaginatorTests {
    /// A block of `count` lines, 12 points each.
    func block(_ kind: LetterBlock.Kind, lines count: Int, layout: Int, before: Double = 8) -> LetterBlock {
        LetterBlock(
            kind: kind,
            spaceBefore: before,
            layout: layout,
            lines: (0..<count).map {
                LineMetrics(top: Double($0) * 12, height: 12, baseline: 9, width: 100)
            }
        )
    }

    func pageOf(_ layout: Int, in pages: [[PlacedLine]]) -> Set<Int> {
        Set(pages.indices.filter { pages[$0].contains { $0.layout == layout } })
    }

    @Test func aHeadingNeverEndsAPage() {
        var paginator = Paginator(startingAt: PageGeometry.top)
        let room = Int((PageGeometry.bottom - PageGeometry.top) / 12)
        // Fill the page so that only the heading itself would still fit.
        paginator.place([
            block(.whole, lines: room - 2, layout: 0, before: 0), block(.keepWithNext, lines: 1, layout: 1), block(.lines, lines: 5, layout: 2),
        ])
        let pages = paginator.pages
        #expect(pageOf(1, in: pages) == [1], "the heading moved to the next page")
        #expect(pageOf(2, in: pages).min() == 1, "with the start of its paragraph")
    }

    @Test func paragraphsSplitWithoutOrphansOrWidows() {
        var paginator = Paginator(startingAt: PageGeometry.top)
        let room = Int((PageGeometry.bottom - PageGeometry.top) / 12)
        paginator.place([block(.whole, lines: room - 2, layout: 0, before: 0), block(.lines, lines: 6, layout: 1)])
        let first = paginator.pages[0].filter { $0.layout == 1 }.count
        #expect(first == 0, "one line alone at the foot is not left there (got \(first))")

        var widow = Paginator(startingAt: PageGeometry.top)
        widow.place([block(.whole, lines: room - 6, layout: 0, before: 0), block(.lines, lines: 6, layout: 1)])
        let carried = widow.pages[1].filter { $0.layout == 1 }.count
        #expect(carried >= 2, "the last line does not go over alone (carried \(carried))")
    }

    @Test func linesStayInsideThePage() {
        var paginator = Paginator(startingAt: PageGeometry.top)
        paginator.place((0..<40).map { block(.lines, lines: 7, layout: $0) })
        for page in paginator.pages {
            #expect(page.allSatisfy { $0.y <= PageGeometry.bottom && $0.y >= PageGeometry.top })
        }
        #expect(paginator.pages.count > 3)
    }

    /// Issue 19.7: the signature never stands alone at the top of a page; the last lines of the
    /// paragraph before it go over with it.
    @Test func theSignatureNeverStandsAloneOnAPage() {
        let room = Int((PageGeometry.bottom - PageGeometry.top) / 12)
        for filled in (room - 12)...(room - 2) {
            var paginator = Paginator(startingAt: PageGeometry.top)
            paginator.place([
                block(.whole, lines: filled, layout: 0, before: 0), block(.lines, lines: 4, layout: 1),
                block(.withPrevious, lines: 6, layout: 2, before: 14),
            ])
            let pages = paginator.pages
            let signature = pageOf(2, in: pages)
            #expect(signature.count == 1, "never split")
            let page = signature.first!
            #expect(
                page == 0 || pages[page].contains { $0.layout == 1 },
                "with \(filled) lines before, the signature's page \(page) also holds the end of the last paragraph"
            )
            #expect(pages.allSatisfy { page in page.allSatisfy { $0.y <= PageGeometry.bottom } })
        }
    }
}
