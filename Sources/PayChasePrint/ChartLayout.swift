import Foundation
import PayChaseDomain

/// A bar chart worked out once as shapes in points from its top left: cairo paints these on a
/// PDF page or a PNG, and `ChartSVG` writes the same shapes as SVG.
struct ChartLayout: Sendable {
    enum Anchor: Sendable { case start, middle, end }

    enum Shape: Sendable, Hashable {
        /// A filled box with a thin black outline.
        case box(x: Double, y: Double, width: Double, height: Double, fill: ChartFill)
        case line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, grey: Double)
        /// Text with its baseline at `y`.
        case text(String, x: Double, y: Double, size: Double, anchor: Anchor, bold: Bool)
    }

    let width: Double
    let height: Double
    private(set) var shapes: [Shape] = []
    /// Where each piece of text lies (its measured extent), for the check that none overlaps
    /// another or crosses the chart's edge.
    private(set) var textBoxes: [TextBox] = []

    struct TextBox: Sendable, Hashable {
        var text: String
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    /// A text's width in points at a size, bold or not, as the painter will set it.
    typealias TextMeasure = (String, Double, Bool) -> Double

    static let titleSize = 10.0
    static let labelSize = 7.5

    init(_ chart: BarChart, width: Double, height: Double, measure: TextMeasure = Self.estimatedWidth) {
        self.width = width
        self.height = height
        let axis = Self.axis(for: chart.largest)
        text(
            Self.fitted(chart.title, size: Self.titleSize, bold: true, within: width, measure),
            x: 0,
            y: Self.titleSize,
            size: Self.titleSize,
            anchor: .start,
            bold: true,
            measure
        )
        let legendBottom = legend(chart.series, top: Self.titleSize + 8, measure)
        let tickLabels = axis.ticks.map { Money(pence: $0).formattedPounds }
        // The £ labels end 4 points left of the axis: it stands as far in as the widest needs.
        let labelWidth = tickLabels.map { measure($0, Self.labelSize, false) }.max() ?? 0
        let left = max(labelWidth + 8, measure("(£)", Self.labelSize, false))
        let right = width - 4
        let groupWidth = (right - left) / Double(max(chart.groups.count, 1))
        // Each group's label wraps, word by word, to its own width (less a gap to the next).
        let labels = chart.groups.map { label in label.flatMap { Self.wrapped($0, size: Self.labelSize, within: groupWidth - 4, measure) } }
        let lines = Double(labels.map(\.count).max() ?? 1)
        let plot = (
            left: left, top: legendBottom + 18, right: right,
            bottom: height - Self.labelSize * 1.25 * lines - Self.labelSize * 1.6 - 8
        )
        text(
            Self.fitted("\(chart.valueTitle) (£)", size: Self.labelSize, bold: false, within: width, measure),
            x: 0,
            y: plot.top - 8,
            size: Self.labelSize,
            anchor: .start,
            bold: false,
            measure
        )
        let scale = (plot.bottom - plot.top) / Double(max(axis.top, 1))
        for (tick, label) in zip(axis.ticks, tickLabels) {
            let y = plot.bottom - Double(tick) * scale
            shapes.append(.line(x1: plot.left, y1: y, x2: plot.right, y2: y, width: 0.4, grey: tick == 0 ? 0 : 0.8))
            text(label, x: plot.left - 4, y: y + Self.labelSize * 0.35, size: Self.labelSize, anchor: .end, bold: false, measure)
        }
        let barWidth = groupWidth * 0.8 / Double(max(chart.series.count, 1))
        for (group, label) in labels.enumerated() {
            let left = plot.left + Double(group) * groupWidth
            for (index, series) in chart.series.enumerated() where group < series.values.count {
                let value = max(series.values[group].pence, 0)
                let barHeight = Double(value) * scale
                guard barHeight > 0 else { continue }
                shapes.append(
                    .box(
                        x: left + groupWidth * 0.1 + Double(index) * barWidth,
                        y: plot.bottom - barHeight,
                        width: barWidth,
                        height: barHeight,
                        fill: .forSeries(index)
                    )
                )
            }
            for (number, line) in label.enumerated() {
                let y = plot.bottom + Self.labelSize * (1.4 + 1.25 * Double(number))
                text(line, x: left + groupWidth / 2, y: y, size: Self.labelSize, anchor: .middle, bold: false, measure)
            }
        }
        shapes.append(.line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, width: 0.6, grey: 0))
        text(
            Self.fitted(chart.groupTitle, size: Self.labelSize, bold: false, within: width, measure),
            x: width / 2,
            y: height - 2,
            size: Self.labelSize,
            anchor: .middle,
            bold: false,
            measure
        )
    }

    /// Adds a text and the box it fills: from the top of its tallest letter to below its baseline.
    private mutating func text(_ string: String, x: Double, y: Double, size: Double, anchor: Anchor, bold: Bool, _ measure: TextMeasure) {
        shapes.append(.text(string, x: x, y: y, size: size, anchor: anchor, bold: bold))
        let measured = measure(string, size, bold)
        let start =
            switch anchor {
            case .start: x
            case .middle: x - measured / 2
            case .end: x - measured
            }
        textBoxes.append(TextBox(text: string, x: start, y: y - size * 0.93, width: measured, height: size * 1.17))
    }

    /// A swatch and a name per series, left to right, a new row when the next would not fit; a
    /// name too long for a row is shortened (the table beside the chart has it whole). Returns
    /// where the legend ends.
    private mutating func legend(_ series: [BarChart.Series], top: Double, _ measure: TextMeasure) -> Double {
        var x = 0.0
        var y = top
        for (index, item) in series.enumerated() {
            let name = Self.fitted(item.name, size: Self.labelSize, bold: false, within: width - 14, measure)
            let needed = 14 + measure(name, Self.labelSize, false) + 12
            if x > 0 && x + needed - 12 > width {
                x = 0
                y += 13
            }
            shapes.append(.box(x: x, y: y, width: 10, height: 9, fill: .forSeries(index)))
            text(name, x: x + 14, y: y + 8, size: Self.labelSize, anchor: .start, bold: false, measure)
            x += needed
        }
        return y + 9
    }

    /// `text`, or as much of it as fits in `within` points with "…".
    private static func fitted(_ text: String, size: Double, bold: Bool, within: Double, _ measure: TextMeasure) -> String {
        guard measure(text, size, bold) > within else { return text }
        var characters = Array(text)
        while !characters.isEmpty && measure(String(characters) + "…", size, bold) > within { characters.removeLast() }
        return String(characters).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// `text` in lines of at most `within` points, broken between words; a word too long for a
    /// line alone is shortened.
    private static func wrapped(_ text: String, size: Double, within: Double, _ measure: TextMeasure) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if measure(candidate, size, false) <= within || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.map { fitted($0, size: size, bold: false, within: within, measure) }
    }

    /// A £ axis from zero to a round top in steps of 1, 2, 2.5 or 5 × a power of ten pounds,
    /// at most five steps; values in pence.
    static func axis(for largest: Money) -> (top: Int64, ticks: [Int64]) {
        let pounds = max((largest.pence + 99) / 100, 1)
        var power: Int64 = 1
        while power * 10 < pounds { power *= 10 }
        let steps: [Int64] = [power / 10, power / 5, power / 4, power / 2, power, power * 2, power * 5 / 2, power * 5, power * 10].filter { $0 > 0 }
        let step = steps.first { (pounds + $0 - 1) / $0 <= 5 } ?? power * 10
        let count = (pounds + step - 1) / step
        return (count * step * 100, (0...count).map { $0 * step * 100 })
    }

    /// DejaVu Sans is about 0.6 em a character on average: a stand-in where nothing measures.
    static func estimatedWidth(_ text: String, size: Double, bold: Bool) -> Double { Double(text.count) * size * 0.6 }
}
