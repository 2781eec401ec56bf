/// How a paymaster wants to be invoiced under an agreement, where it says.
public struct Invoicing: Sendable, Hashable {
    /// Where invoices go (accounts payable).
    public var accountsPayableAddress: [String]
    /// The practice's supplier number with the paymaster.
    public var supplierNumber: String?
    /// The purchase order the agreement was raised under.
    public var purchaseOrder: String?

    public init(accountsPayableAddress: [String] = [], supplierNumber: String? = nil, purchaseOrder: String? = nil) {
        self.accountsPayableAddress = accountsPayableAddress
        self.supplierNumber = supplierNumber
        self.purchaseOrder = purchaseOrder
    }
}
