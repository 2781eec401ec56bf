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
    /// The last day the table is known to be complete: no rate is given for a later day, since
    /// a change after it may be missing. Without one, the newest change listed.
    public var checkedThrough: CalendarDate?
    /// The rate to take for any day after `checkedThrough`, given for one run (`--bank-rate`).
    public var beyondChecked: Int?

    public init(changes: [Change], source: String, checkedThrough: CalendarDate? = nil) {
        self.changes = changes.sorted { $0.from < $1.from }
        self.source = source
        self.checkedThrough = checkedThrough
    }

    /// The last day a rate is known for.
    public var knownThrough: CalendarDate? { checkedThrough ?? lastChange }

    /// The rate in force on `date`; nil before the first listed change, or after the day the
    /// table was checked through (never assumed unchanged) unless a rate was given for it.
    public func rate(on date: CalendarDate) -> Int? {
        if let knownThrough, date > knownThrough { return beyondChecked }
        return changes.last { $0.from <= date }?.basisPoints
    }

    /// Why no rate can be given for `date`, in words that say how to add it; nil when one can.
    public func missingRate(on date: CalendarDate, table: String) -> String? {
        guard rate(on: date) == nil else { return nil }
        guard let knownThrough, date > knownThrough else {
            return "\(table) has no Bank Rate in force on \(date.formatted): it starts on \(changes.first?.from.formatted ?? "no date")"
        }
        return
            "\(table) is checked through \(knownThrough.formatted), but statutory interest here needs the Bank Rate in force on \(date.formatted): add any change since from the Bank of England's Bank Rate history (https://www.bankofengland.co.uk/boeapps/database/Bank-Rate.asp) and move its checked_through line on, or give --bank-rate with that day's rate for this run"
    }

    /// The newest change listed: a table older than a date it is asked about may have missed one.
    public var lastChange: CalendarDate? { changes.last?.from }
}
