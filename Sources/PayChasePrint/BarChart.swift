import PayChaseDomain

/// A bar chart of money: groups along the bottom (months, age bands), one bar per series in
/// each, a £ axis up the side. Drawn once (`ChartLayout`) and painted by cairo to PDF and PNG,
/// or written as SVG for a web page; series are told apart by greys and hatching, not colour.
public struct BarChart: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        /// One value per group.
        public var values: [Money]

        public init(name: String, values: [Money]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    /// Each group's label, a line per element (`["Nov", "2026"]`).
    public var groups: [[String]]
    /// What the groups are (`days overdue`).
    public var groupTitle: String
    /// What the bars measure (`outstanding`), shown above the £ axis.
    public var valueTitle: String
    public var series: [Series]

    public init(title: String, groups: [[String]], groupTitle: String, valueTitle: String, series: [Series]) {
        self.title = title
        self.groups = groups
        self.groupTitle = groupTitle
        self.valueTitle = valueTitle
        self.series = series
    }

    /// The tallest bar.
    var largest: Money { series.flatMap(\.values).max() ?? .zero }
}

/// How a series' bars are filled so that a black-and-white print still tells them apart.
enum ChartFill: Sendable, Hashable, CaseIterable {
    /// Dark grey.
    case dark
    /// White with diagonal lines.
    case hatched
    /// Light grey.
    case light
    /// White with crossed lines.
    case crossed
    /// Mid grey with diagonal lines the other way.
    case mid

    static func forSeries(_ index: Int) -> ChartFill { allCases[index % allCases.count] }

    /// The grey under any lines, from 0 (black) to 1 (white).
    var grey: Double {
        switch self {
        case .dark: 0.25
        case .light: 0.78
        case .mid: 0.55
        case .hatched, .crossed: 1
        }
    }

    /// Line directions drawn over the grey: 1 is rising to the right, -1 falling.
    var hatching: [Double] {
        switch self {
        case .hatched: [1]
        case .crossed: [1, -1]
        case .mid: [-1]
        case .dark, .light: []
        }
    }
}
