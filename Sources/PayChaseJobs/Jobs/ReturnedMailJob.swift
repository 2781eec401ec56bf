import Foundation
import Logging
import PayChaseCurl
import PayChaseIMAP
import PayChaseMail
import PayChaseOutbox
import PayChaseTransport

/// `paychase receipts`: reads what came back to the practice mailbox — read receipts, delivery
/// reports, automatic and human replies — and records each one that names an email PayChase
/// sent, exactly once: its bytes in `Outbox/receipts/<claim>/`, then a record entry, and only
/// then is it flagged \Seen (and moved, if the profile says where).
public struct ReturnedMailJob: Sendable {
    public var workspace: Workspace
    public var insecurity = MailServerSetup.Insecurity()
    /// Where `imap.password_env` is looked up: the process's environment unless given.
    public var environment: [String: String]?
    /// How the mailbox is reached: libcurl's IMAP unless another is given.
    public var mailbox: MailTransports.Read = MailTransports.imap

    /// Messages fetched per command.
    static let chunk = 200

    public init(workspace: Workspace) { self.workspace = workspace }

    /// One message recorded.
    public struct Found: Sendable, Hashable {
        public var claimID: String
        /// read-receipt, delivery-status, automatic-reply or reply.
        public var kind: String
        /// `displayed (manual)`, `failed 5.1.1: 550 5.1.1 ...`.
        public var summary: String
        /// The document it is about and whom it went to.
        public var template: String
        public var to: [String]
        /// The copy kept, relative to the Outbox.
        public var file: String
    }

    public struct Result: Sendable {
        public var recorded: [Found] = []
        /// Read again (a rescan, or a run that stopped before flagging): not recorded twice.
        public var alreadyRecorded = 0
        /// Receipts and reports that name no email PayChase sent: left in the mailbox, unflagged.
        public var unmatched = 0
        /// Everything else: left alone.
        public var unrelated = 0
        /// Messages read this run.
        public var read = 0
        /// The mailbox's UIDVALIDITY changed, so it was read again from the start.
        public var rescanned = false
        /// Copies of sent emails filed in the sent folder this run (those a send could not file).
        public var sentCopies = SendResult.SentCopies()
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> Result {
        let settings = try workspace.loadSettings()
        let configuration = try MailServerSetup(
            settings: settings,
            configPath: workspace.configPath,
            insecurity: insecurity,
            environment: environment
        ).imap()
        let outbox: OutboxSession
        do { outbox = try OutboxSession(working: workspace.outbox, logger: logger) } catch { throw error.failure }
        do {
            let session = try mailbox(configuration, logger)
            var reader = ReturnedMailIntake(
                outbox: outbox,
                session: session,
                mailbox: session.folder,
                processedFolder: settings.processedFolder,
                server: session.server,
                clock: clock
            )
            // A second connection, when there is much to read, fetches ahead; without one, one does it all.
            let open = mailbox
            var result = try reader.readNew(logger: logger) { try? open(configuration, logger) }
            result.sentCopies = SentCopyFiler.file(outbox, session: session, choice: settings.sentFolder, clock: clock)
            return result
        } catch let error as MailServerError {
            throw error.failure
        } catch let error as OutboxError {
            throw error.failure
        } catch {
            throw PayChaseError(.temporaryFailure, "\(error)")
        }
    }
}
