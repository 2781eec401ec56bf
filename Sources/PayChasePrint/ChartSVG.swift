/// The same chart as SVG text for a web page: the shapes `ChartLayout` works out, with the
/// hatching as SVG patterns, scaled to the page's width (`viewBox`).
public enum ChartSVG {
    /// `width` and `height` in points (CSS pixels), as for the PDF.
    public static func render(_ chart: BarChart, width: Double = 480, height: Double = 270) -> String {
        // Measured with Pango in DejaVu Sans, the SVG's first font, as the PDF is.
        let measurer = try? LetterRenderer(imageWidth: 1, height: 1, pixelsPerPoint: 1)
        let layout = ChartLayout(chart, width: width, height: height, measure: measurer?.textWidth ?? ChartLayout.estimatedWidth)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(number(width)) \(number(height))" \
            width="\(number(width))" height="\(number(height))" role="img" aria-label="\(escape(chart.title))" \
            font-family="DejaVu Sans, Verdana, sans-serif">
            <title>\(escape(chart.title))</title>
            <defs>\(patterns)</defs>
            <rect width="100%" height="100%" fill="#fff"/>

            """
        for shape in layout.shapes { svg += element(shape) + "\n" }
        return svg + "</svg>\n"
    }

    private static func element(_ shape: ChartLayout.Shape) -> String {
        switch shape {
        case let .box(x, y, width, height, fill):
            let box = "x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\""
            let lines = fill.hatching.isEmpty ? "" : "<rect \(box) fill=\"url(#\(patternID(fill)))\"/>"
            return "<rect \(box) fill=\"\(grey(fill.grey))\" stroke=\"#000\" stroke-width=\"0.5\"/>" + lines
        case let .line(x1, y1, x2, y2, width, shade):
            return
                "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(grey(shade))\" stroke-width=\"\(number(width))\"/>"
        case let .text(text, x, y, size, anchor, bold):
            let anchorName =
                switch anchor {
                case .start: "start"
                case .middle: "middle"
                case .end: "end"
                }
            return
                "<text x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(number(size))\" text-anchor=\"\(anchorName)\"\(bold ? " font-weight=\"bold\"" : "")>\(escape(text))</text>"
        }
    }

    /// One pattern per hatched fill: black lines 4 units apart at 45° (both ways when crossed).
    private static var patterns: String {
        ChartFill.allCases.filter { !$0.hatching.isEmpty }.map { fill in
            let angle = fill.hatching[0] > 0 ? -45 : 45
            let across = fill.hatching.count > 1 ? "<line x1=\"0\" y1=\"0\" x2=\"4\" y2=\"0\" stroke=\"#000\" stroke-width=\"0.7\"/>" : ""
            return
                "<pattern id=\"\(patternID(fill))\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(\(angle))\">"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#000\" stroke-width=\"0.7\"/>\(across)</pattern>"
        }.joined()
    }

    private static func patternID(_ fill: ChartFill) -> String { "paychase-\(fill)" }

    private static func grey(_ level: Double) -> String {
        let value = Int((level * 255).rounded())
        let hex = String(value, radix: 16)
        let pair = hex.count == 1 ? "0" + hex : hex
        return "#" + pair + pair + pair
    }

    private static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
