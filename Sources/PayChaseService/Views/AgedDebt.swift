import PayChaseDomain
import PayChaseKit
import PayChaseLetters
import PayChaseReports

/// What is owed, by how long past its due date: the aged-debt table and chart of a dashboard,
/// in the report's age bands, and the chart drawn by the same code as the report's.
struct AgedDebt: Sendable {
    struct Bucket: Sendable, Encodable {
        var label: String
        var outstanding: StatusJSON.Amount
        var claims: Int
    }

    var buckets: [Bucket]
    /// A bar per paymaster in each band, as `paychase report cashflow` draws it.
    var chart: BarChart

    /// One pass over the rows: each owed claim adds to its band, overall and for its paymaster.
    init(_ rows: [StatusReport.Row], asOf: CalendarDate) {
        let bands = AgeBucket.allCases.count
        var pence = [Int64](repeating: 0, count: bands)
        var counts = [Int](repeating: 0, count: bands)
        var names: [String] = []
        var perPaymaster: [String: [Int64]] = [:]
        for row in rows where row.outstanding > .zero {
            let band = AgeBucket(daysOverdue: row.daysOverdue).rawValue
            pence[band] += row.outstanding.pence
            counts[band] += 1
            if perPaymaster[row.paymasterName] == nil {
                names.append(row.paymasterName)
                perPaymaster[row.paymasterName] = [Int64](repeating: 0, count: bands)
            }
            perPaymaster[row.paymasterName]![band] += row.outstanding.pence
        }
        buckets = AgeBucket.allCases.map { bucket in
            Bucket(label: bucket.title, outstanding: StatusJSON.Amount(Money(pence: pence[bucket.rawValue])), claims: counts[bucket.rawValue])
        }
        chart = BarChart(
            title: "Outstanding by age at \(asOf.formatted)",
            groups: AgeBucket.allCases.map { [$0.title] },
            groupTitle: "days past the due date",
            valueTitle: "outstanding",
            series: names.map { name in BarChart.Series(name: name, values: perPaymaster[name]!.map { Money(pence: $0) }) }
        )
    }

    /// The chart as inline SVG, inside the element the page and its tests know it by.
    var svg: String { "<figure id=\"aged-debt-chart\" class=\"chart\">\(ChartSVG.render(chart))</figure>" }
}
