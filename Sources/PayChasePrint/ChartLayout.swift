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

    static let titleSize = 10.0
    static let labelSize = 7.5

    init(_ chart: BarChart, width: Double, height: Double) {
        self.width = width
        self.height = height
        let axis = Self.axis(for: chart.largest)
        shapes.append(.text(chart.title, x: 0, y: Self.titleSize, size: Self.titleSize, anchor: .start, bold: true))
        let legendBottom = legend(chart.series, top: Self.titleSize + 8)
        let tickLabels = axis.ticks.map { Money(pence: $0).formattedPounds }
        let labelWidth = tickLabels.map { Self.estimatedWidth($0, size: Self.labelSize) }.max() ?? 0
        let lines = Double(chart.groups.map(\.count).max() ?? 1)
        let plot = (
            left: labelWidth + 8, top: legendBottom + 18, right: width - 4,
            bottom: height - Self.labelSize * 1.25 * lines - Self.labelSize * 1.6 - 8
        )
        shapes.append(.text("\(chart.valueTitle) (£)", x: 0, y: plot.top - 8, size: Self.labelSize, anchor: .start, bold: false))
        let scale = (plot.bottom - plot.top) / Double(max(axis.top, 1))
        for (tick, label) in zip(axis.ticks, tickLabels) {
            let y = plot.bottom - Double(tick) * scale
            shapes.append(.line(x1: plot.left, y1: y, x2: plot.right, y2: y, width: 0.4, grey: tick == 0 ? 0 : 0.8))
            shapes.append(.text(label, x: plot.left - 4, y: y + Self.labelSize * 0.35, size: Self.labelSize, anchor: .end, bold: false))
        }
        let groupWidth = (plot.right - plot.left) / Double(max(chart.groups.count, 1))
        let barWidth = groupWidth * 0.8 / Double(max(chart.series.count, 1))
        for (group, label) in chart.groups.enumerated() {
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
            for (number, text) in label.enumerated() {
                let y = plot.bottom + Self.labelSize * (1.4 + 1.25 * Double(number))
                shapes.append(.text(text, x: left + groupWidth / 2, y: y, size: Self.labelSize, anchor: .middle, bold: false))
            }
        }
        shapes.append(.line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, width: 0.6, grey: 0))
        shapes.append(.text(chart.groupTitle, x: (plot.left + plot.right) / 2, y: height - 2, size: Self.labelSize, anchor: .middle, bold: false))
    }

    /// A swatch and a name per series, left to right; returns where the legend ends.
    private mutating func legend(_ series: [BarChart.Series], top: Double) -> Double {
        var x = 0.0
        var y = top
        for (index, item) in series.enumerated() {
            let needed = 14 + Self.estimatedWidth(item.name, size: Self.labelSize) + 12
            if x > 0 && x + needed > width {
                x = 0
                y += 13
            }
            shapes.append(.box(x: x, y: y, width: 10, height: 9, fill: .forSeries(index)))
            shapes.append(.text(item.name, x: x + 14, y: y + 8, size: Self.labelSize, anchor: .start, bold: false))
            x += needed
        }
        return y + 9
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

    /// DejaVu Sans is about 0.6 em a character on average: enough to leave room for labels.
    static func estimatedWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }
}
