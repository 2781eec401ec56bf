import PayChaseDomain
import Yams

/// Reads `bank:`, how the practice's bank statements are read and matched:
///
///     bank:
///       names:                       # words in a credit's description that name a paymaster
///         icb: ["NHS ENGLAND", "NHS SBS", "NEL ICB"]
///         local-authority: ["TOWER HAMLETS"]
///       csv: { date: Posted, description: [Payee, Reference], amount: Amount }   # any other bank's CSV
enum BankSettingsReader {
    static func read(_ node: Node?, _ reader: inout YAMLReader) -> (names: [PaymasterRole: [String]], csv: BankCSVLayout?) {
        guard node != nil, let map = reader.mapping(node, at: "bank", allowed: ["names", "csv"]) else { return ([:], nil) }
        var names: [PaymasterRole: [String]] = [:]
        if let node = map["names"] {
            let roles = PaymasterRole.allCases.map(\.rawValue)
            if let named = reader.mapping(node, at: "bank.names", allowed: roles) {
                for role in PaymasterRole.allCases where named[role.rawValue] != nil {
                    names[role] = reader.lines(named, role.rawValue, at: "bank.names").map { $0.uppercased() }
                }
            }
        }
        var csv: BankCSVLayout?
        if let node = map["csv"],
            let columns = reader.mapping(node, at: "bank.csv", allowed: ["date", "description", "amount", "credit", "debit", "balance"])
        {
            let date = reader.string(columns, "date", at: "bank.csv")
            let description = reader.lines(columns, "description", at: "bank.csv")
            let amount = reader.string(columns, "amount", at: "bank.csv", required: false)
            let credit = reader.string(columns, "credit", at: "bank.csv", required: false)
            if amount == nil && credit == nil {
                reader.report("bank.csv", "needs amount (one signed column) or credit (the money-in column)")
            }
            if let date, !description.isEmpty, amount != nil || credit != nil {
                csv = BankCSVLayout(
                    name: "the profile's bank.csv",
                    date: date,
                    description: description,
                    amount: amount,
                    credit: credit,
                    debit: reader.string(columns, "debit", at: "bank.csv", required: false),
                    balance: reader.string(columns, "balance", at: "bank.csv", required: false)
                )
            }
        }
        return (names, csv)
    }
}
