import PayChaseDomain
import PayChaseKit

/// What is owed, by how long past its due date: the aged-debt table of a dashboard.
struct AgedDebt: Sendable {
    struct Bucket: Sendable, Encodable {
        var label: String
        var outstanding: StatusJSON.Amount
        var claims: Int
        fileprivate var pence: Int64

        enum CodingKeys: String, CodingKey { case label, outstanding, claims }
    }

    /// Days overdue up to each bound (inclusive), after "not yet due".
    static let bounds: [(label: String, upTo: Int)] = [
        ("1–30 days", 30), ("31–60 days", 60), ("61–90 days", 90), ("91–180 days", 180), ("181–365 days", 365), ("over a year", .max),
    ]

    var buckets: [Bucket]

    init(_ rows: [StatusReport.Row]) {
        var pence = Array(repeating: Int64(0), count: Self.bounds.count + 1)
        var counts = Array(repeating: 0, count: Self.bounds.count + 1)
        for row in rows where row.outstanding > .zero {
            let index = row.daysOverdue == 0 ? 0 : 1 + Self.bounds.firstIndex { row.daysOverdue <= $0.upTo }!
            pence[index] += row.outstanding.pence
            counts[index] += 1
        }
        let labels = ["not yet due"] + Self.bounds.map(\.label)
        buckets = labels.indices.map {
            Bucket(label: labels[$0], outstanding: StatusJSON.Amount(Money(pence: pence[$0])), claims: counts[$0], pence: pence[$0])
        }
    }

    /// The buckets as a horizontal bar chart in inline SVG, with a £ axis in whole pounds.
    var svg: String {
        let width = 640.0, labelWidth = 120.0, barHeight = 26.0, top = 8.0
        let plot = width - labelWidth - 90
        let largest = max(buckets.map(\.pence).max() ?? 0, 100)
        let step = Self.niceStep(for: largest)
        let axisMax = Double(((largest + step - 1) / step) * step)
        let height = top + Double(buckets.count) * barHeight + 30
        var parts = [
            "<svg id=\"aged-debt-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"Aged debt: outstanding by days overdue\" xmlns=\"http://www.w3.org/2000/svg\">",
        ]
        for (index, bucket) in buckets.enumerated() {
            let y = top + Double(index) * barHeight
            let length = plot * Double(bucket.pence) / axisMax
            parts.append("<text x=\"\(Int(labelWidth - 6))\" y=\"\(Self.format(y + 17))\" text-anchor=\"end\">\(bucket.label)</text>")
            parts.append("<rect class=\"bar\" x=\"\(Int(labelWidth))\" y=\"\(Self.format(y + 4))\" width=\"\(Self.format(length))\" height=\"\(Int(barHeight - 8))\" fill=\"\(index == 0 ? "#768692" : "#005eb8")\"><title>\(bucket.label): \(Money(pence: bucket.pence).formatted)</title></rect>")
            parts.append("<text x=\"\(Self.format(labelWidth + length + 6))\" y=\"\(Self.format(y + 17))\">\(Money(pence: bucket.pence).formatted)</text>")
        }
        let axisY = top + Double(buckets.count) * barHeight + 4
        parts.append("<line x1=\"\(Int(labelWidth))\" y1=\"\(Self.format(axisY))\" x2=\"\(Int(labelWidth + plot))\" y2=\"\(Self.format(axisY))\" stroke=\"#425563\"/>")
        var tick: Int64 = 0
        while Double(tick) <= axisMax {
            let x = labelWidth + plot * Double(tick) / axisMax
            parts.append("<text class=\"axis\" x=\"\(Self.format(x))\" y=\"\(Self.format(axisY + 16))\" text-anchor=\"middle\">\(Self.pounds(tick))</text>")
            tick += step
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A step (in pence) of 1, 2 or 5 times a power of ten pounds giving about four ticks.
    static func niceStep(for pence: Int64) -> Int64 {
        var unit: Int64 = 100
        while true {
            for factor: Int64 in [1, 2, 5] where pence / (unit * factor) <= 4 { return unit * factor }
            unit *= 10
        }
    }

    /// `£12,000`: whole pounds in UK format.
    static func pounds(_ pence: Int64) -> String {
        let text = Money(pence: pence).formatted
        return text.hasSuffix(".00") ? String(text.dropLast(3)) : text
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
