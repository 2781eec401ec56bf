import PayChaseDomain
import PayChaseTransport

/// Everything `paychase.yaml` holds: the practice as the documents see it, and how to reach its
/// mail servers (kept out of the domain, which knows nothing of transports).
public struct PracticeSettings: Sendable {
    public var profile: PracticeProfile
    /// `smtp:`, for sending; nil when the practice only drafts.
    public var smtp: MailServerSettings?
    /// `imap:`, for reading receipts and replies back; nil when it is not read.
    public var imap: MailServerSettings?
    /// `oauth:`: the identity provider for `auth: oauth`; nil when the practice signs in with passwords.
    public var oauth: OAuthSettings?
    /// `imap.sent_folder`: where a copy of each email sent is filed.
    public var sentFolder: SentFolder = .automatic
    /// `imap.processed_folder`: where recorded receipts are moved; nil to leave them in INBOX, flagged \Seen.
    public var processedFolder: String?
    /// `smtp.max_per_minute`: the most messages to hand the server in any minute; nil for no limit.
    public var maxPerMinute: Int?
    /// `imap.poll_minutes`: how often the service reads the mailbox (default 5).
    public var pollMinutes = 5
    /// `auto_send`: templates the service sends by itself when a claim's next step is one of them.
    public var autoSend: [String] = []
    /// `bank.names`: words in a bank credit's description that name each paymaster.
    public var bankNames: [PaymasterRole: [String]] = [:]
    /// `bank.csv`: the columns of a bank's CSV export PayChase does not know.
    public var bankCSV: BankCSVLayout?
    /// `word_letterhead`: the practice's letterhead as a Word file, which Word letters go into.
    public var wordLetterhead: String?
    /// What reading the profile noticed without refusing it (an old key read as a new one).
    public var notes: [Diagnostic] = []

    public init(profile: PracticeProfile, smtp: MailServerSettings?, imap: MailServerSettings? = nil, processedFolder: String? = nil) {
        self.profile = profile
        self.smtp = smtp
        self.imap = imap
        self.processedFolder = processedFolder
    }
}
