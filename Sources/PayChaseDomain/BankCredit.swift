/// Money in, as one line of a bank statement shows it: what the matcher places against claims.
public struct BankCredit: Sendable, Hashable {
    public var date: CalendarDate
    public var description: String
    public var amount: Money
    /// SHA-256 of what identifies the line (the OFX FITID, or the CSV line's date, amount,
    /// description and balance, with its place among identical lines): the same in an
    /// overlapping statement, so a line is never recorded twice.
    public var sha256: String
    /// `statement.csv:14`, for messages.
    public var place: String

    public init(date: CalendarDate, description: String, amount: Money, sha256: String, place: String) {
        self.date = date
        self.description = description
        self.amount = amount
        self.sha256 = sha256
        self.place = place
    }
}

/// The bank line a recorded payment came from.
public struct BankLineReference: Sendable, Hashable, Codable {
    public var sha256: String
    public var date: CalendarDate
    public var description: String
    /// The whole credit, of which the payment may be one claim's share.
    public var amount: Money

    public init(sha256: String, date: CalendarDate, description: String, amount: Money) {
        self.sha256 = sha256
        self.date = date
        self.description = description
        self.amount = amount
    }
}
