/// A bar chart painted by cairo, as a PNG image or a one-page PDF; `ReportPDF` puts the same
/// chart on a report's page, and `ChartSVG` writes it for a web page.
public enum ChartRenderer {
    /// The chart's size in points when it stands alone: a 16:9 panel.
    public static let width = 480.0
    public static let height = 270.0

    /// A PNG of the chart, `pixelsPerPoint` pixels to the point (2: 960 × 540).
    public static func png(_ chart: BarChart, pixelsPerPoint: Double = 2) throws(LetterError) -> [UInt8] {
        let renderer = try LetterRenderer(imageWidth: width + 2 * margin, height: height + 2 * margin, pixelsPerPoint: pixelsPerPoint)
        renderer.paint(ChartLayout(chart, width: width, height: height, measure: renderer.textWidth), x: margin, y: margin)
        return try renderer.finish()
    }

    /// A one-page PDF of the chart, its page the chart's size with a margin.
    public static func pdf(_ chart: BarChart, author: String) throws(LetterError) -> [UInt8] {
        let renderer = try LetterRenderer(title: chart.title, author: author, width: width + 2 * margin, height: height + 2 * margin)
        renderer.paint(ChartLayout(chart, width: width, height: height, measure: renderer.textWidth), x: margin, y: margin)
        renderer.endPage()
        return try renderer.finish()
    }

    static let margin = 12.0
}
