/// Money received for a claim, as `paychase payment` recorded it: unlike the claims file's
/// `paid`, it has the day it arrived.
public struct RecordedPayment: Sendable, Hashable, Codable {
    public var amount: Money
    public var receivedOn: CalendarDate
    public var reference: String?

    public init(amount: Money, receivedOn: CalendarDate, reference: String? = nil) {
        self.amount = amount
        self.receivedOn = receivedOn
        self.reference = reference
    }
}
