import PayChaseJobs

/// What paychase says about the engine's typed notes and failures in its own terms: the commands and
/// options that go on from them. The engine names none of them; this is the one place that does.
enum CommandAdvice {
    /// One line for a message a send did not queue or did not send.
    static func line(_ note: SendNote) -> String {
        switch note {
        case .alreadyQueued(let claimID, let template, let queueID):
            "\(claimID): \(template) is already queued (\(queueID)); it goes with 'paychase send --queued'"
        case .sentRecently(let claimID, let template, let sentOn, let messageID):
            "\(claimID): \(template) was already sent on \(sentOn.formatted) (\(messageID)); use --again to send another"
        case .paused(let queueID, let claimID, let pause):
            "\(queueID): kept in the queue, \(claimID) is \(pause); it goes once the pause ends or after 'paychase resume \(claimID)'"
        case .held(let queueID, let lastReply, let recipients):
            "\(queueID): held, the server may already have it (\(lastReply ?? "no reply")); check with \(recipients.joined(separator: ", ")), "
                + "then run 'paychase send --queued --resend-uncertain' or 'paychase queue --delivered \(queueID)'"
        }
    }

    /// A failure's lines, one per problem, each ending with the command that puts it right where
    /// The engine says what it is.
    static func lines(_ error: PayChaseError) -> [String] { error.problems.map(line) }

    static func line(_ problem: Problem) -> String {
        let text = problem.description
        switch problem.reason {
        case .damagedRecord?:
            return text
                + " See 'paychase log --verify'; 'paychase log --repair' starts a new record from the entries that verify, keeping the damaged file beside it"
        case .notQueued?:
            return text + "; see 'paychase queue'"
        case .letterNotPrinted(let template, let claimID)?:
            return text + ": run 'paychase print \(template) --claim \(claimID)' and post that letter, then record it"
        case .notOneLine(let input)?:
            return "\(option(for: input)) must be one line of at most \(PayChaseError.Input.maxLength) characters"
        case .outboxBusy?:
            return text + "; try again when it has finished"
        case .mailboxSignInNeeded?:
            return text + " Run 'paychase mailbox connect' to sign in; what is queued then goes with 'paychase send --queued'"
        case nil:
            return text
        }
    }

    /// The option a job's input comes from.
    static func option(for input: PayChaseError.Input) -> String {
        switch input {
        case .paymentReference: "--ref"
        case .postingMethod: "--method"
        case .postingTracking: "--tracking"
        case .partnerName: "--agreed-by"
        case .pauseReason: "--reason"
        }
    }

    /// What an evidence pack tells its reader to run to check the record.
    static let evidenceChecks = EvidenceJob.Checks(
        wholeRecord: "paychase log --verify",
        againstEmail: "paychase log --verify --against that.eml"
    )
}
