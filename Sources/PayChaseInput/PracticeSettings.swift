import PayChaseCurl
import PayChaseDomain

/// Everything `paychase.yaml` holds: the practice as the documents see it, and how to reach its
/// mail servers (kept out of the domain, which knows nothing of transports).
public struct PracticeSettings: Sendable {
    public var profile: PracticeProfile
    /// `smtp:`, for sending; nil when the practice only drafts.
    public var smtp: MailServerSettings?

    public init(profile: PracticeProfile, smtp: MailServerSettings?) {
        self.profile = profile
        self.smtp = smtp
    }
}
