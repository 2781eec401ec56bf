import PayChaseDomain

extension RecordLine {
    /// The typed line a written one holds; nil when its fields make no entry of its kind.
    init?(_ wire: RecordWire) {
        guard let kind = RecordEntry.Kind(rawValue: wire.outcome), let entry = Self.entry(kind, wire) else { return nil }
        self.init(time: wire.time, entry: entry, by: wire.by, previous: wire.previous, hash: wire.entry)
    }

    private static func entry(_ kind: RecordEntry.Kind, _ wire: RecordWire) -> RecordEntry? {
        let message = SentEmail(
            claimID: wire.claimID,
            template: wire.template,
            queueID: wire.queueID,
            messageID: wire.messageID,
            from: wire.from,
            to: wire.to,
            subject: wire.subject
        )
        switch kind {
        case .accepted, .deferred, .refused, .uncertain, .confirmed:
            let outcome = EmailAttempt.Outcome(rawValue: kind.rawValue)!
            return .email(
                EmailAttempt(
                    message: message,
                    server: wire.server,
                    reply: wire.reply,
                    outcome: outcome,
                    sha256: wire.sha256,
                    dsnRequested: wire.dsnRequested,
                    attempt: wire.attempt
                )
            )
        case .sentItemsCopy:
            guard let folder = wire.document else { return nil }
            return .sentItemsCopy(
                SentItemsCopy(
                    message: message,
                    server: wire.server,
                    folder: folder,
                    alreadyThere: wire.reply.hasPrefix("already in "),
                    sha256: wire.sha256,
                    summary: wire.reply
                )
            )
        case .posted:
            guard let text = wire.postedOn, let postedOn = try? CalendarDate(parsing: text), let pdf = wire.document else { return nil }
            return .letterPosted(
                LetterPosted(
                    claimID: wire.claimID,
                    template: wire.template,
                    from: wire.from,
                    to: wire.to,
                    postedOn: postedOn,
                    method: wire.method ?? "",
                    tracking: wire.tracking,
                    pdf: pdf,
                    sha256: wire.sha256,
                    summary: wire.reply
                )
            )
        case .decision:
            guard let text = wire.postedOn, let decidedOn = try? CalendarDate(parsing: text), let pdf = wire.document else { return nil }
            return .partnersDecision(
                PartnersDecision(
                    claimID: wire.claimID,
                    step: wire.subject,
                    from: wire.from,
                    agreedBy: wire.to,
                    decidedOn: decidedOn,
                    pdf: pdf,
                    sha256: wire.sha256,
                    summary: wire.reply
                )
            )
        case .paused:
            // The last day of the pause is written where a letter's posting day is.
            return .paused(
                ClaimPaused(
                    claimID: wire.claimID,
                    reason: wire.subject,
                    until: wire.postedOn.flatMap { try? CalendarDate(parsing: $0) },
                    from: wire.from,
                    summary: wire.reply
                )
            )
        case .resumed:
            return .resumed(ClaimResumed(claimID: wire.claimID, from: wire.from, summary: wire.reply))
        case .readReceipt, .deliveryStatus, .automaticReply, .reply:
            guard let returned = wire.receipt, let report = ReturnedMailFacts.Report(rawValue: kind.rawValue),
                let matchedBy = ReturnedMailFacts.Match(rawValue: returned.matchedBy), let file = wire.document
            else { return nil }
            return .mailReturned(
                MailReturned(
                    claimID: wire.claimID,
                    template: wire.template,
                    queueID: wire.queueID,
                    to: wire.to,
                    from: wire.from,
                    subject: wire.subject,
                    server: wire.server,
                    sha256: wire.sha256,
                    file: file,
                    facts: ReturnedMailFacts(
                        report: report,
                        originalMessageID: returned.originalMessageID,
                        matchedBy: matchedBy,
                        mailbox: returned.mailbox,
                        disposition: returned.disposition,
                        mode: returned.mode,
                        action: returned.action,
                        status: returned.status,
                        diagnostic: returned.diagnostic,
                        reportingAgent: returned.reportingAgent,
                        messageID: returned.messageID,
                        date: returned.date
                    ),
                    summary: wire.reply
                )
            )
        case .payment:
            guard let payment = wire.payment, let receivedOn = try? CalendarDate(parsing: payment.receivedOn) else { return nil }
            var received = PaymentReceived(
                claimID: wire.claimID,
                amount: Money(pence: payment.pence),
                receivedOn: receivedOn,
                reference: payment.reference,
                payer: wire.from,
                payee: wire.to.first ?? "",
                summary: wire.reply
            )
            if let bank = payment.bank {
                guard let date = try? CalendarDate(parsing: bank.date) else { return nil }
                received.bankLine = BankLineReference(
                    sha256: bank.sha256,
                    date: date,
                    description: bank.description,
                    amount: Money(pence: bank.pence)
                )
            }
            return .paymentReceived(received)
        case .repaired:
            guard let damaged = wire.document else { return nil }
            // The problem as the repair worded it, else the whole note.
            let prefix = "repaired by the practice: "
            let suffix = "; the damaged record is kept as \(damaged)"
            let problem =
                wire.reply.hasPrefix(prefix) && wire.reply.hasSuffix(suffix) && wire.reply.count >= prefix.count + suffix.count
                ? String(wire.reply.dropFirst(prefix.count).dropLast(suffix.count)) : wire.reply
            return .repair(RecordRepaired(problem: problem, damagedCopy: damaged, sha256: wire.sha256, summary: wire.reply))
        }
    }
}

extension RecordWire {
    /// How `line` is written: each kind's own fields, and for the keys it has no use for, the
    /// values they always had.
    init(_ line: RecordLine) {
        self.init(
            time: line.time,
            claimID: "",
            template: "",
            queueID: "",
            messageID: "",
            from: "",
            to: [],
            subject: "",
            server: "",
            reply: line.entry.summary,
            outcome: line.entry.kind.rawValue,
            sha256: "",
            dsnRequested: false,
            attempt: 1,
            by: line.by,
            previous: line.previous,
            entry: line.hash
        )
        switch line.entry {
        case .email(let email):
            take(email.message)
            server = email.server
            sha256 = email.sha256
            dsnRequested = email.dsnRequested
            attempt = email.attempt
        case .sentItemsCopy(let copy):
            take(copy.message)
            server = copy.server
            sha256 = copy.sha256
            document = copy.folder
        case .letterPosted(let letter):
            claimID = letter.claimID
            template = letter.template
            from = letter.from
            to = letter.to
            subject = letter.template
            sha256 = letter.sha256
            postedOn = letter.postedOn.description
            method = letter.method
            tracking = letter.tracking
            document = letter.pdf
        case .partnersDecision(let decision):
            // The minute's date is written where a letter's posting day is: the day on the paper.
            claimID = decision.claimID
            template = DocumentName.partnersDecision
            from = decision.from
            to = decision.agreedBy
            subject = decision.step
            sha256 = decision.sha256
            postedOn = decision.decidedOn.description
            document = decision.pdf
        case .paused(let pause):
            claimID = pause.claimID
            template = "pause"
            from = pause.from
            subject = pause.reason
            postedOn = pause.until?.description
        case .resumed(let resume):
            claimID = resume.claimID
            template = "resume"
            from = resume.from
            subject = "resumed"
        case .mailReturned(let mail):
            claimID = mail.claimID
            template = mail.template
            queueID = mail.queueID
            messageID = mail.originalMessageID
            from = mail.from
            to = mail.to
            subject = mail.subject
            server = mail.server
            sha256 = mail.sha256
            document = mail.file
            let facts = mail.facts
            receipt = Returned(
                kind: facts.report.rawValue,
                disposition: facts.disposition,
                mode: facts.mode,
                action: facts.action,
                status: facts.status,
                diagnostic: facts.diagnostic,
                reportingAgent: facts.reportingAgent,
                originalMessageID: facts.originalMessageID,
                matchedBy: facts.matchedBy.rawValue,
                messageID: facts.messageID,
                date: facts.date,
                mailbox: facts.mailbox
            )
        case .paymentReceived(let received):
            claimID = received.claimID
            template = "payment"
            from = received.payer
            to = [received.payee]
            subject = "payment received"
            payment = Payment(
                pence: received.amount.pence,
                receivedOn: received.receivedOn.description,
                reference: received.reference,
                bank: received.bankLine.map {
                    Bank(sha256: $0.sha256, date: $0.date.description, description: $0.description, pence: $0.amount.pence)
                }
            )
        case .repair(let repair):
            claimID = "-"
            template = "record"
            subject = "record repaired"
            sha256 = repair.sha256
            document = repair.damagedCopy
        }
    }

    private mutating func take(_ message: SentEmail) {
        claimID = message.claimID
        template = message.template
        queueID = message.queueID
        messageID = message.messageID
        from = message.from
        to = message.to
        subject = message.subject
    }
}
