import Logging
import PayChaseIMAP
import PayChaseSMTP
import PayChaseTransport

/// How a job reaches the mail servers: by default libcurl's SMTP connection and IMAP session; a
/// test (or another transport) gives its own. Each opens one connection for a run.
public enum MailTransports {
    public typealias Send = @Sendable (SMTPConfiguration, Logger) throws(MailServerError) -> any MailTransport
    public typealias Read = @Sendable (IMAPConfiguration, Logger) throws(MailServerError) -> any MailStore

    public static let smtp: Send = { configuration, logger throws(MailServerError) in try SMTPConnection(configuration: configuration, logger: logger)
    }
    public static let imap: Read = { configuration, logger throws(MailServerError) in try IMAPSession(configuration: configuration, logger: logger) }
}
