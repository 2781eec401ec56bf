import PayChaseDomain
import PayChasePrint
import PayChaseReports

/// The web dashboard's aged-debt table and chart: `AgedDebt` worked out from the status rows, in
/// the report's age bands, and the chart drawn by the same code as the report's.
public struct AgedDebtPanel: Sendable {
    public struct Bucket: Sendable, Encodable {
        public var label: String
        public var outstanding: StatusJSON.Amount
        public var claims: Int
    }

    public var buckets: [Bucket]
    /// A bar per paymaster in each band, as `paychase report cashflow` draws it.
    public var chart: BarChart

    public init(_ rows: [StatusReport.Row], asOf: CalendarDate) {
        self.init(Self.debt(rows), asOf: asOf)
    }

    /// What the rows' claims owe, by age and paymaster.
    public static func debt(_ rows: [StatusReport.Row]) -> AgedDebt {
        var debt = AgedDebt()
        for row in rows { debt.add(row.outstanding, daysOverdue: row.daysOverdue, paymaster: row.paymaster, name: row.paymasterName) }
        return debt
    }

    /// The panel of debt already added up (several practices' together).
    public init(_ debt: AgedDebt, asOf: CalendarDate) {
        buckets = AgeBucket.allCases.map { bucket in
            Bucket(label: bucket.title, outstanding: StatusJSON.Amount(debt[bucket]), claims: debt.claimsByAge[bucket.rawValue])
        }
        chart = BarChart(
            title: "Outstanding by age at \(asOf.formatted)",
            groups: AgeBucket.allCases.map { [$0.title] },
            groupTitle: "days past the due date",
            valueTitle: "outstanding",
            series: debt.paymasters.map { BarChart.Series(name: $0.name, values: $0.byAge) }
        )
    }

    /// The chart as inline SVG, inside the element the page and its tests know it by.
    public var svg: String { "<figure id=\"aged-debt-chart\" class=\"chart\">\(ChartSVG.render(chart))</figure>" }

    /// The chart's figures as a table beside it, its text equivalent: a row per paymaster (with
    /// its full name, which the chart's legend may shorten), a column per age band.
    public var table: String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        var html =
            "<div class=\"scroll\"><table id=\"aged-debt-table\">\n<caption>\(escape(chart.title)), \(escape(chart.groupTitle)): the chart's figures</caption>\n"
        html += "<thead><tr><th scope=\"col\">Paymaster</th>"
        html += chart.groups.map { "<th scope=\"col\" class=\"num\">\(escape($0.joined(separator: " ")))</th>" }.joined() + "</tr></thead>\n<tbody>"
        for series in chart.series {
            html +=
                "<tr><th scope=\"row\">\(escape(series.name))</th>" + series.values.map { "<td class=\"num\">\($0.formatted)</td>" }.joined()
                + "</tr>"
        }
        return html + "</tbody>\n</table></div>"
    }
}
