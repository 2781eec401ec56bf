/// A copy of an accepted email filed over IMAP in the practice mailbox's sent folder: a second
/// witness, which the practice's own files cannot change.
public struct SentItemsCopy: Sendable, Hashable {
    public var message: SentEmail
    /// The IMAP server, `host:port`.
    public var server: String
    public var folder: String
    /// The folder held it already (an earlier run filed it, or the server keeps copies itself).
    public var alreadyThere: Bool
    /// SHA-256 of the bytes filed: those the SMTP server accepted.
    public var sha256: String
    /// What the record says, in the words written when it was recorded.
    public var summary: String

    /// `summary` nil: `filed in Sent`, `already in Sent Items`.
    public init(message: SentEmail, server: String, folder: String, alreadyThere: Bool, sha256: String, summary: String? = nil) {
        self.message = message
        self.server = server
        self.folder = folder
        self.alreadyThere = alreadyThere
        self.sha256 = sha256
        self.summary = summary ?? (alreadyThere ? "already in \(folder)" : "filed in \(folder)")
    }
}
