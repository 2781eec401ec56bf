/// Which receipts to ask for, and where they go.
public struct ReceiptRequests: Sendable, Hashable {
    public var read: Bool
    public var delivery: Bool
    public var to: String

    public init(read: Bool, delivery: Bool, to: String) {
        self.read = read
        self.delivery = delivery
        self.to = to
    }
}
