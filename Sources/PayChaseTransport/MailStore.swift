/// The practice mailbox read and written over one connection: the seam the receipts reader and
/// the Sent Items copy go through. The libcurl IMAP session is one; a test's in-memory mailbox
/// is another.
public protocol MailStore: AnyObject {
    /// `host:port`, for the record and messages.
    var server: String { get }
    /// The folder the profile's URL names (INBOX when it names none).
    var folder: String { get }

    /// UIDVALIDITY and UIDNEXT of `folder`.
    func status(of folder: String) throws(MailServerError) -> MailboxStatus
    /// UIDs from `first` up to (not including) `next`, ascending.
    func uids(in folder: String, from first: UInt32, below next: UInt32) throws(MailServerError) -> [UInt32]
    /// The exact bytes of each message, by UID, read without marking it read.
    func fetch(_ uids: [UInt32], in folder: String) throws(MailServerError) -> [UInt32: [UInt8]]
    /// Flags messages \Seen.
    func markSeen(_ uids: [UInt32], in folder: String) throws(MailServerError)
    /// Moves messages to `destination`, creating it the first time.
    func move(_ uids: [UInt32], in folder: String, to destination: String) throws(MailServerError)
    /// The folder marked \Sent, if the server marks one.
    func sentFolder() -> String?
    /// Whether `folder` holds a message with this Message-ID (bare); false when there is no such folder.
    func contains(messageID: String, in folder: String) throws(MailServerError) -> Bool
    /// Files the exact bytes of `message` in `folder`, flagged \Seen, creating the folder the first time.
    func append(_ message: [UInt8], to folder: String) throws(MailServerError)
}
