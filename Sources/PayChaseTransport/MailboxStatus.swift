/// What STATUS says of a mailbox.
public struct MailboxStatus: Sendable, Hashable {
    /// Changes when the server renumbers the mailbox: remembered UIDs are then meaningless.
    public var uidValidity: UInt32
    public var uidNext: UInt32

    public init(uidValidity: UInt32, uidNext: UInt32) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
    }
}
