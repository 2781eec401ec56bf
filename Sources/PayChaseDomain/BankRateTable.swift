/// The Bank of England's Bank Rate over time, as the project's data file lists it.
public struct BankRateTable: Sendable, Hashable {
    /// One change: the rate in force from `from`, in hundredths of a per cent (4.25% is 425).
    public struct Change: Sendable, Hashable {
        public var from: CalendarDate
        public var basisPoints: Int

        public init(from: CalendarDate, basisPoints: Int) {
            self.from = from
            self.basisPoints = basisPoints
        }
    }

    public private(set) var changes: [Change]
    /// Where the figures come from, for the documents that use them.
    public var source: String

    public init(changes: [Change], source: String) {
        self.changes = changes.sorted { $0.from < $1.from }
        self.source = source
    }

    /// The rate in force on `date`, or nil before the first listed change.
    public func rate(on date: CalendarDate) -> Int? {
        changes.last { $0.from <= date }?.basisPoints
    }

    /// The newest change listed: a table older than a date it is asked about may have missed one.
    public var lastChange: CalendarDate? { changes.last?.from }
}
