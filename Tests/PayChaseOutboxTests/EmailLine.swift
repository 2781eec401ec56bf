import PayChaseDomain
import PayChaseOutbox

/// A record line for one attempt to send an email, with every fact spelled out.
func emailLine(
    time: String,
    claimID: String,
    template: String,
    queueID: String,
    messageID: String,
    from: String,
    to: [String],
    subject: String,
    server: String,
    reply: String,
    outcome: EmailAttempt.Outcome,
    sha256: String,
    dsnRequested: Bool,
    attempt: Int
) -> RecordLine {
    let message = SentEmail(claimID: claimID, template: template, queueID: queueID, messageID: messageID, from: from, to: to, subject: subject)
    return RecordLine(
        time: time,
        entry: .email(
            EmailAttempt(
                message: message,
                server: server,
                reply: reply,
                outcome: outcome,
                sha256: sha256,
                dsnRequested: dsnRequested,
                attempt: attempt
            )
        )
    )
}
