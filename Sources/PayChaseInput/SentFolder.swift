import PayChaseDomain
import PayChaseTransport

/// Where the copy of each email sent is filed in the practice mailbox (`imap.sent_folder`).
public enum SentFolder: Sendable, Hashable {
    /// The folder the server marks \Sent, else `Sent Items` (Exchange's name).
    case automatic
    case named(String)
    /// Not filed: the provider files what is submitted itself (Gmail), or the practice does not want it.
    case off

    public static let exchangeName = "Sent Items"
}
