import PayChaseJobs

/// What the web service says about the jobs' typed notes and failures in its own terms: the page or
/// button that goes on from them, as `CommandAdvice` names commands for the command line.
enum WebAdvice {
    static func lines(_ error: PayChaseError) -> [String] { error.problems.map(line) }

    static func line(_ problem: Problem) -> String {
        let text = problem.description
        switch problem.reason {
        case .damagedRecord?:
            return text
                + " See the Record page; 'paychase log --repair' starts a new record from the entries that verify, keeping the damaged file beside it"
        case .notQueued?:
            return text + "; see the Queue page"
        case .letterNotPrinted?:
            return text + ": draft the letter (the Draft button), post it, then record the posting"
        case .notOneLine(let input)?:
            return "\(field(for: input)) must be one line of at most \(PayChaseError.Input.maxLength) characters"
        case .outboxBusy?:
            return text + "; a paychase command is working on this Outbox, so try again in a moment"
        case .mailboxSignInNeeded?:
            return text + " Sign in again on the Mailbox page; the queue goes once the mailbox is connected"
        case nil:
            return text
        }
    }

    /// The form field a job's input comes from.
    static func field(for input: PayChaseError.Input) -> String {
        switch input {
        case .paymentReference: "Reference"
        case .postingMethod: "Method"
        case .postingTracking: "Tracking"
        case .partnerName: "Agreed by"
        case .pauseReason: "Reason"
        }
    }

    /// One line for a message a send did not queue or did not send.
    static func line(_ note: SendNote) -> String {
        switch note {
        case .alreadyQueued(let claimID, let template, let queueID):
            "\(claimID): \(template) is already queued (\(queueID)); it goes when the worker next sends the queue"
        case .sentRecently(let claimID, let template, let sentOn, let messageID):
            "\(claimID): \(template) was already sent on \(sentOn.formatted) (\(messageID)); nothing was sent again"
        case .paused(let queueID, let claimID, let pause):
            "\(queueID): kept in the queue, \(claimID) is \(pause); it goes once the pause ends or the claim is resumed on its page"
        case .held(let queueID, let lastReply, let recipients):
            "\(queueID): held, the server may already have it (\(lastReply ?? "no reply")); check with \(recipients.joined(separator: ", ")), "
                + "then confirm it on the Queue page"
        }
    }

    /// What an evidence pack tells its reader to run to check the record: the command line,
    /// which anyone checking the pack uses.
    static let evidenceChecks = EvidenceJob.Checks(
        wholeRecord: "paychase log --verify",
        againstEmail: "paychase log --verify --against that.eml"
    )
}
