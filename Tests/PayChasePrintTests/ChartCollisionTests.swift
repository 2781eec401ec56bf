import Foundation
import PayChaseDomain
import PayChaseTestSupport
import Testing

@testable import PayChasePrint

/// Issue 21.2: a chart's text never collides or crosses its edge, whatever the data: laid out
/// with the widths Pango measures, checked box against box in the layout, and in the PDF as
/// pdftotext reads it back.
struct ChartCollisionTests {
    static func pounds(_ value: Int64) -> Money { Money(pence: value * 100) }

    static let bands = [["0–30", "days"], ["31–60", "days"], ["61–90", "days"], ["91–180", "days"], ["over 180", "days"]]

    static let charts: [(name: String, chart: BarChart)] = [
        (
            "a 60-character paymaster name",
            BarChart(
                title: "Outstanding by age",
                groups: bands,
                groupTitle: "days overdue",
                valueTitle: "outstanding",
                series: [
                    .init(
                        name: String(repeating: "North East London Integrated Care Board ", count: 2).prefix(60).description,
                        values: bands.map { _ in pounds(5_000) }
                    ),
                    .init(name: "London Borough of Tower Hamlets", values: bands.map { _ in pounds(1_200) }),
                ]
            )
        ),
        (
            "six paymasters",
            BarChart(
                title: "Outstanding by age",
                groups: bands,
                groupTitle: "days overdue",
                valueTitle: "outstanding",
                series: (1...6).map { number in
                    .init(name: "Paymaster number \(number) with a long name", values: bands.map { _ in pounds(Int64(number) * 900) })
                }
            )
        ),
        (
            "all amounts in one band",
            BarChart(
                title: "Outstanding by age",
                groups: [["91–180 days"], ["over 180 days"], ["0–30 days"], ["31–60 days"], ["61–90 days"]],
                groupTitle: "days overdue",
                valueTitle: "outstanding",
                series: [.init(name: "NHS North East London ICB", values: [pounds(48_250), .zero, .zero, .zero, .zero])]
            )
        ),
        (
            "£1 to £1,000,000",
            BarChart(
                title: "Outstanding by age",
                groups: bands,
                groupTitle: "days overdue",
                valueTitle: "outstanding",
                series: [
                    .init(name: "ICB", values: [pounds(1), pounds(10), pounds(1_000), pounds(100_000), pounds(1_000_000)]),
                    .init(name: "Council", values: [pounds(1_000_000), pounds(1), .zero, .zero, pounds(5)]),
                ]
            )
        ),
    ]

    @Test(arguments: charts.map(\.name))
    func noTextOverlapsOtherTextOrCrossesTheEdge(name: String) throws {
        let chart = try #require(Self.charts.first { $0.name == name }).chart
        let renderer = try LetterRenderer(imageWidth: 1, height: 1, pixelsPerPoint: 1)
        // The standalone chart, the report's, and one as narrow as a phone shows it.
        for (width, height) in [(ChartRenderer.width, ChartRenderer.height), (PageGeometry.textWidth, ReportPDF.chartHeight), (240.0, 200.0)] {
            let layout = ChartLayout(chart, width: width, height: height, measure: renderer.textWidth)
            let boxes = layout.textBoxes
            #expect(boxes.count > 10)
            for box in boxes {
                #expect(
                    box.x >= 0 && box.x + box.width <= width + 0.01,
                    "'\(box.text)' crosses the side at \(box.x)…\(box.x + box.width) of \(width)"
                )
                #expect(box.y >= 0 && box.y + box.height <= height + 0.01, "'\(box.text)' crosses the top or bottom")
            }
            for (index, one) in boxes.enumerated() {
                for other in boxes[(index + 1)...] {
                    let apart =
                        one.x + one.width <= other.x || other.x + other.width <= one.x || one.y + one.height <= other.y
                        || other.y + other.height <= one.y
                    #expect(apart, "'\(one.text)' and '\(other.text)' overlap in a \(Int(width))-point chart")
                }
            }
        }
        // The PDF as a reader gets it: every word inside the page, no two words on top of each other.
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString).pdf").path
        try Data(try ChartRenderer.pdf(chart, author: "test")).write(to: URL(fileURLWithPath: pdf))
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        let words = try PDFTools.boxes(pdf)
        #expect(!words.isEmpty)
        let page = (width: ChartRenderer.width + 2 * ChartRenderer.margin, height: ChartRenderer.height + 2 * ChartRenderer.margin)
        for word in words {
            #expect(word.xMin >= 0 && word.xMax <= page.width && word.yMin >= 0 && word.yMax <= page.height, "'\(word.text)' is off the page")
        }
        for (index, one) in words.enumerated() {
            for other in words[(index + 1)...] {
                let overlap = min(one.xMax, other.xMax) - max(one.xMin, other.xMin)
                let rise = min(one.yMax, other.yMax) - max(one.yMin, other.yMin)
                #expect(overlap <= 0.5 || rise <= 0.5, "'\(one.text)' and '\(other.text)' overlap in the PDF")
            }
        }
    }
}
