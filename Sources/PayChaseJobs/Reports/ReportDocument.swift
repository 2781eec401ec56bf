import PayChaseDomain
import PayChasePrint

/// A report as tables, the one shape every output is made from — the PDF through the letters
/// engine, the CSV for Excel, the JSON for scripts (and a web page) — so each shows the same figures.
public struct ReportDocument: Sendable {
    public struct Column: Sendable, Hashable {
        /// A stable name for scripts (`not_yet_due`).
        public var id: String
        public var title: String
        /// Its share of the page's width in the PDF.
        public var share: Double

        public init(_ id: String, _ title: String, share: Double = 1) {
            self.id = id
            self.title = title
            self.share = share
        }
    }

    public enum Cell: Sendable, Hashable {
        case text(String)
        case money(Money)
        case count(Int)
        /// A figure already worked to its places, such as average days (`5.7`).
        case figure(String)
        case date(CalendarDate)
        case empty
    }

    public struct Table: Sendable {
        public var id: String
        public var heading: String
        /// Sentences that say what the figures mean, before the table.
        public var notes: [String]
        /// A chart of the table's figures, drawn above it in the PDF.
        public var chart: BarChart?
        /// The chart as inline SVG, for a web page.
        public var chartSVG: String? { chart.map { ChartSVG.render($0) } }
        public var columns: [Column]
        public var rows: [[Cell]]

        public init(id: String, heading: String, notes: [String] = [], chart: BarChart? = nil, columns: [Column], rows: [[Cell]]) {
            self.id = id
            self.heading = heading
            self.notes = notes
            self.chart = chart
            self.columns = columns
            self.rows = rows
        }
    }

    public var title: String
    /// Who it is for and as of when, under the title.
    public var lead: [String]
    public var tables: [Table]
    /// Named in the PDF's metadata and running header.
    public var author: String

    public init(title: String, lead: [String], tables: [Table], author: String) {
        self.title = title
        self.lead = lead
        self.tables = tables
        self.author = author
    }
}

extension ReportDocument.Cell {
    /// As the PDF and a person read it: `£1,234.56`, `22 November 2026`.
    public var printed: String {
        switch self {
        case .text(let text), .figure(let text): text
        case .money(let money): money.formatted
        case .count(let count): String(count)
        case .date(let date): date.formatted
        case .empty: ""
        }
    }
}
