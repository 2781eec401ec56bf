import PayChaseDomain

/// Which columns of a bank's CSV export hold the date, the description and the money, by their
/// header names (compared without case or surrounding spaces).
public struct BankCSVLayout: Sendable, Hashable {
    public var name: String
    public var date: String
    /// Joined with " " into the line's description.
    public var description: [String]
    /// One signed column (credits positive)...
    public var amount: String?
    /// ...or money in and money out in two.
    public var credit: String?
    public var debit: String?
    /// Part of what identifies the line, where the export has one.
    public var balance: String?

    public init(
        name: String,
        date: String,
        description: [String],
        amount: String? = nil,
        credit: String? = nil,
        debit: String? = nil,
        balance: String? = nil
    ) {
        self.name = name
        self.date = date
        self.description = description
        self.amount = amount
        self.credit = credit
        self.debit = debit
        self.balance = balance
    }

    var columns: [String] { ([date] + description + [amount, credit, debit, balance].compactMap { $0 }).map(Self.key) }

    static func key(_ header: String) -> String { header.trimmingSpaces().lowercased() }

    /// The exports of the banks most practices use, as their headers name the columns. The
    /// first whose columns are all in a file's header reads it; a profile's `bank.csv` mapping
    /// comes before them all.
    public static let known: [BankCSVLayout] = [
        BankCSVLayout(name: "Barclays", date: "Date", description: ["Memo", "Subcategory"], amount: "Amount"),
        BankCSVLayout(name: "NatWest/RBS", date: "Date", description: ["Description", "Type"], amount: "Value", balance: "Balance"),
        BankCSVLayout(
            name: "Lloyds/Halifax/Bank of Scotland",
            date: "Transaction Date",
            description: ["Transaction Description", "Transaction Type"],
            credit: "Credit Amount",
            debit: "Debit Amount",
            balance: "Balance"
        ),
        BankCSVLayout(
            name: "Co-operative Bank/Santander",
            date: "Date",
            description: ["Description"],
            credit: "Money In",
            debit: "Money Out",
            balance: "Balance"
        ),
        BankCSVLayout(name: "HSBC", date: "Date", description: ["Description"], amount: "Amount", balance: "Balance"),
        BankCSVLayout(name: "HSBC", date: "Date", description: ["Description"], amount: "Amount"),
    ]

    /// HSBC's export has no header: date, description, amount.
    public static let headerless = BankCSVLayout(name: "HSBC (no header)", date: "0", description: ["1"], amount: "2")
}
