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

    init(_ rows: [StatusReport.Row], asOf: CalendarDate) {
        let owed = rows.filter { $0.outstanding > .zero }
        func band(_ row: StatusReport.Row) -> AgeBucket { AgeBucket(daysOverdue: row.daysOverdue) }
        buckets = AgeBucket.allCases.map { bucket in
            let inBand = owed.filter { band($0) == bucket }
            return Bucket(label: bucket.title, outstanding: StatusJSON.Amount(inBand.reduce(Money.zero) { $0 + $1.outstanding }), claims: inBand.count)
        }
        var names: [String] = []
        for row in owed where !names.contains(row.paymasterName) { names.append(row.paymasterName) }
        chart = BarChart(
            title: "Outstanding by age at \(asOf.formatted)", groups: AgeBucket.allCases.map { [$0.title] },
            groupTitle: "days past the due date", valueTitle: "outstanding",
            series: names.map { name in
                BarChart.Series(name: name, values: AgeBucket.allCases.map { bucket in
                    owed.filter { $0.paymasterName == name && band($0) == bucket }.reduce(Money.zero) { $0 + $1.outstanding }
                })
            }
        )
    }

    /// The chart as inline SVG, inside the element the page and its tests know it by.
    var svg: String { "<figure id=\"aged-debt-chart\" class=\"chart\">\(ChartSVG.render(chart))</figure>" }
}
