import PayChaseDomain

/// Why a message was not queued, or not sent, this run. Not an error: a front end words it and
/// says in its own terms (a command, a button) how to go on.
public enum SendNote: Sendable, Hashable {
    /// The same document for the claim is already in the queue; it goes when the queue is sent.
    case alreadyQueued(claimID: String, template: String, queueID: String)
    /// The same document reached the server for the claim on `sentOn`, less than
    /// `SendJob.resendGuardDays` before the job's day; another needs `SendJob.Options.again`.
    case sentRecently(claimID: String, template: String, sentOn: CalendarDate, messageID: String)
    /// Held, not sent: the server may already have it (`lastReply` says why). Once the
    /// recipients say whether it arrived, it is confirmed (`QueueJob.confirmDelivered`) or sent
    /// again (`SendJob.Options.resendUncertain`).
    case held(queueID: String, lastReply: String?, recipients: [String])
    /// Kept in the queue, not sent: the practice paused chasing the claim (`pause` says why and
    /// until when); it goes once the pause ends or the claim is resumed.
    case paused(queueID: String, claimID: String, pause: String)
}
