/// Money the practice received for a claim, as `paychase payment` recorded it.
public struct PaymentReceived: Sendable, Hashable {
    public var claimID: String
    public var amount: Money
    public var receivedOn: CalendarDate
    /// The remittance's reference, when there was one.
    public var reference: String?
    /// Who paid: the paymaster's name.
    public var payer: String
    /// Who was paid: the practice's name.
    public var payee: String
    /// What the record says, in the words written when it was recorded.
    public var summary: String
    /// The bank statement line it was matched from (`paychase bank --record`); nil when typed in.
    public var bankLine: BankLineReference?

    /// `summary` nil: `received £200.00 on 23 November 2026, reference REMIT-9`.
    public init(claimID: String, amount: Money, receivedOn: CalendarDate, reference: String?, payer: String, payee: String, summary: String? = nil) {
        self.claimID = claimID
        self.amount = amount
        self.receivedOn = receivedOn
        self.reference = reference
        self.payer = payer
        self.payee = payee
        self.summary = summary ?? "received \(amount.formatted) on \(receivedOn.formatted)" + (reference.map { ", reference \($0)" } ?? "")
    }

    /// A payment matched from a bank statement's line: its date, description and hash kept with it.
    public init(claimID: String, amount: Money, bankLine: BankLineReference, payer: String, payee: String) {
        self.init(
            claimID: claimID,
            amount: amount,
            receivedOn: bankLine.date,
            reference: nil,
            payer: payer,
            payee: payee,
            summary: "received \(amount.formatted) on \(bankLine.date.formatted), from the bank statement: \(bankLine.description)"
                + (bankLine.amount == amount ? "" : " (\(amount.formatted) of a credit of \(bankLine.amount.formatted))")
        )
        self.bankLine = bankLine
    }
}
