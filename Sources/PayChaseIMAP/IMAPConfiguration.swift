import PayChaseCurl
import PayChaseTransport

/// The settings for one reading run: the profile's `imap:`, its password and TLS options.
public struct IMAPConfiguration: Sendable {
    public var access: MailServerAccess
    public var commandTimeoutSeconds = 300

    public init(access: MailServerAccess) { self.access = access }

    public var settings: MailServerSettings { access.settings }
    /// `host:port` for messages.
    public var server: String { access.server }
}
