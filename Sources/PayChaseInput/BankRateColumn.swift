/// The columns of `bank-rate.csv`.
enum BankRateColumn: String, CSVColumn {
    case from
    case bankRate = "bank_rate"
    case checkedAgainst = "checked_against"

    static let required: [BankRateColumn] = [.from, .bankRate]
    static let example = "from,bank_rate,checked_against"

    init?(header: String) { self.init(rawValue: Self.normalised(header)) }
}
