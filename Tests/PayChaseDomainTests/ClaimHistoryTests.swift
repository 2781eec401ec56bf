import PayChaseDomain
import Testing

/// What a claim's entries mean together, worked out from the entries alone.
struct ClaimHistoryTests {
    static func message(_ id: String, claim: String = "C-1", template: String = "chase") -> SentEmail {
        SentEmail(
            claimID: claim,
            template: template,
            queueID: "q-\(id)",
            messageID: id,
            from: "manager@riverside.example",
            to: ["payments@icb.example"],
            subject: "Payment query"
        )
    }

    static func sent(_ id: String, _ outcome: EmailAttempt.Outcome = .accepted, claim: String = "C-1", template: String = "chase") -> RecordEntry {
        .email(
            EmailAttempt(
                message: message(id, claim: claim, template: template),
                server: "mail.example:587",
                reply: "250 2.0.0 Ok",
                outcome: outcome,
                sha256: String(repeating: "1", count: 64),
                dsnRequested: true,
                attempt: 1
            )
        )
    }

    static func returned(about id: String, _ facts: (inout ReturnedMailFacts) -> Void, report: ReturnedMailFacts.Report) -> RecordEntry {
        var returned = ReturnedMailFacts(report: report, originalMessageID: id, matchedBy: .returnedHeaders, mailbox: "1:\(id)")
        facts(&returned)
        return .mailReturned(
            MailReturned(
                claimID: "C-1",
                template: "chase",
                queueID: "q-\(id)",
                to: ["payments@icb.example"],
                from: "MAILER-DAEMON@icb.example",
                subject: "Undelivered",
                server: "imap.example:993",
                sha256: String(repeating: "f", count: 64),
                file: "receipts/C-1/1-\(id).eml",
                facts: returned
            )
        )
    }

    static func bounce(about id: String) -> RecordEntry {
        returned(
            about: id,
            {
                $0.action = "failed"
                $0.status = "5.1.1"
            },
            report: .deliveryStatus
        )
    }

    static func history(_ entries: [(String, RecordEntry)]) -> ClaimHistory {
        ClaimHistory(entries.map { (time: $0.0, entry: $0.1) })
    }

    /// Issue 23.3: an evidence submission is the claim's proof of submission, not a chase.
    @Test func anEvidenceSubmissionIsProofWithItsOwnReceiptsAndCopy() throws {
        let copy = RecordEntry.sentItemsCopy(
            SentItemsCopy(
                message: Self.message("e1", template: "evidence-submission"),
                server: "imap.example:993",
                folder: "Sent Items",
                alreadyThere: false,
                sha256: "1"
            )
        )
        let read = Self.returned(
            about: "e1",
            {
                $0.disposition = "displayed"
                $0.date = "Sat, 28 Mar 2026 10:02:00 +0000"
            },
            report: .readReceipt
        )
        let history = Self.history([
            ("2026-03-28T09:14:05.000Z", Self.sent("e1", template: "evidence-submission")),
            ("2026-03-28T09:14:06.000Z", copy),
            // Read at 10:02 as the receipt says, though PayChase read the receipt the next day.
            ("2026-03-29T08:00:00.000Z", read),
            ("2026-03-29T08:00:01.000Z", Self.returned(about: "other", { $0.disposition = "displayed" }, report: .readReceipt)),
        ])
        let proof = try #require(history.feedback["C-1"]?.evidence)
        #expect(
            proof.sentence
                == "submitted by email on 28 March 2026 09:14 to payments@icb.example, accepted by the mail server, read on 28 March 2026 10:02, its copy filed in Sent Items"
        )
        #expect(history.evidenceSent["C-1"] == CalendarDate(year: 2026, month: 3, day: 28))
        #expect(history.attempts["C-1"] == nil, "not a step in chasing: the ladder still proposes the first chase")
        // A second submission does not replace the first that stayed delivered.
        let again = Self.history([
            ("2026-03-28T09:14:05.000Z", Self.sent("e1", template: "evidence-submission")),
            ("2026-04-02T09:00:00.000Z", Self.sent("e2", template: "evidence-submission")),
        ])
        #expect(again.feedback["C-1"]?.evidence?.messageID == "e1")
    }

    /// Review: a submission reported undelivered is no proof while another stayed delivered,
    /// whatever order the reports come in; and sending evidence does not hide a chase's bounce.
    @Test func anUndeliveredSubmissionIsNoProofAndEvidenceDoesNotHideABounce() throws {
        let failed = Self.bounce(about: "e1")
        let history = Self.history([
            ("2026-03-28T09:00:00.000Z", Self.sent("e1", template: "evidence-submission")),
            ("2026-03-29T09:00:00.000Z", Self.sent("e2", template: "evidence-submission")),
            ("2026-03-30T09:00:00.000Z", failed),
        ])
        #expect(history.feedback["C-1"]?.evidence?.messageID == "e2", "the one that stayed delivered")
        #expect(history.evidenceSent["C-1"] == CalendarDate(year: 2026, month: 3, day: 29))
        let alone = Self.history([
            ("2026-03-28T09:00:00.000Z", Self.sent("e1", template: "evidence-submission")), ("2026-03-30T09:00:00.000Z", failed),
        ])
        #expect(alone.feedback["C-1"]?.evidence?.failed != nil && alone.evidenceSent["C-1"] == nil, "undelivered: no proof of submission")
        let bounced = Self.history([
            ("2026-11-01T10:00:00.000Z", Self.sent("m1")),
            ("2026-11-02T10:00:00.000Z", Self.bounce(about: "m1")),
            ("2026-11-03T10:00:00.000Z", Self.sent("e3", template: "evidence-submission")),
        ])
        #expect(bounced.feedback["C-1"]?.bounced != nil, "the chase's bounce stands")
    }

    @Test func onlyABounceAboutTheNewestEmailCounts() {
        let first = ("2026-11-01T10:00:00.000Z", Self.sent("m1"))
        let resent = ("2026-11-03T10:00:00.000Z", Self.sent("m2"))
        // The address was fixed and the chase sent again; the first one's bounce arrives late.
        let late = Self.history([first, resent, ("2026-11-04T10:00:00.000Z", Self.bounce(about: "m1"))])
        #expect(late.feedback["C-1"]?.bounced == nil)
        // A bounce about the newest one counts, dated the day it was read.
        let newest = Self.history([first, resent, ("2026-11-04T10:00:00.000Z", Self.bounce(about: "m2"))])
        #expect(newest.feedback["C-1"]?.bounced == .init(date: CalendarDate(year: 2026, month: 11, day: 4)!, template: "chase", status: "5.1.1"))
        // And a bounce before the resend is cleared by it.
        let cleared = Self.history([first, ("2026-11-02T10:00:00.000Z", Self.bounce(about: "m1")), resent])
        #expect(cleared.feedback["C-1"]?.bounced == nil)
    }

    @Test func whatReachedSomeoneIsDatedInLondon() {
        let letter = LetterPosted(
            claimID: "C-1",
            template: "formal-complaint",
            from: "manager@riverside.example",
            to: ["NHS North East London ICB"],
            postedOn: CalendarDate(year: 2026, month: 11, day: 24)!,
            method: "first class",
            tracking: nil,
            pdf: "letters/C-1-formal-complaint.pdf",
            sha256: String(repeating: "a", count: 64)
        )
        let history = Self.history([
            // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
            ("2026-06-30T23:30:00.000Z", Self.sent("m1")),
            ("2026-07-02T09:00:00.000Z", Self.sent("m2", .deferred, template: "appeal")),
            ("2026-07-03T09:00:00.000Z", Self.sent("m3", .refused, template: "appeal")),
            ("2026-11-25T09:00:00.000Z", .letterPosted(letter)),
        ])
        #expect(
            history.attempts["C-1"] == [
                Attempt(template: "chase", date: CalendarDate(year: 2026, month: 7, day: 1)!, method: .email, to: "payments@icb.example"),
                Attempt(
                    template: "formal-complaint",
                    date: CalendarDate(year: 2026, month: 11, day: 24)!,
                    method: .post,
                    to: "NHS North East London ICB"
                ),
            ],
            "a deferred or refused email reached no one; a letter is dated the day it was posted"
        )
        #expect(history.lastSent["C-1"]?["chase"]?.date == CalendarDate(year: 2026, month: 7, day: 1)!)
        #expect(history.lastSent["C-1"]?["appeal"] == nil)
    }

    @Test func whatCameBackAndWhatWasPaid() {
        let payment = PaymentReceived(
            claimID: "C-1",
            amount: Money(pence: 20_000),
            receivedOn: CalendarDate(year: 2026, month: 11, day: 20)!,
            reference: "REMIT-9",
            payer: "NHS England",
            payee: "Riverside Medical Centre"
        )
        let history = Self.history([
            ("2026-11-01T10:00:00.000Z", Self.sent("m1")),
            ("2026-11-02T10:00:00.000Z", Self.returned(about: "m1", { $0.action = "relayed" }, report: .deliveryStatus)),
            ("2026-11-03T10:00:00.000Z", Self.returned(about: "m1", { $0.disposition = "deleted" }, report: .readReceipt)),
            ("2026-11-04T10:00:00.000Z", Self.returned(about: "m1", { $0.disposition = "displayed" }, report: .readReceipt)),
            ("2026-11-05T10:00:00.000Z", Self.returned(about: "m1", { _ in }, report: .automaticReply)),
            ("2026-11-22T10:00:00.000Z", .paymentReceived(payment)),
            (
                "2026-11-22T11:00:00.000Z",
                .repair(RecordRepaired(problem: "line 3 was edited", damagedCopy: "deliveries.jsonl.damaged-1", sha256: ""))
            ),
        ])
        let feedback = history.feedback["C-1"]
        #expect(feedback?.delivered == CalendarDate(year: 2026, month: 11, day: 2)!, "relayed on counts as delivered")
        #expect(feedback?.read == CalendarDate(year: 2026, month: 11, day: 4)!, "deleted unread is not read")
        #expect(feedback?.automaticReply == CalendarDate(year: 2026, month: 11, day: 5)!)
        #expect(feedback?.replied == nil)
        #expect(
            feedback?.payments == [
                RecordedPayment(amount: Money(pence: 20_000), receivedOn: CalendarDate(year: 2026, month: 11, day: 20)!, reference: "REMIT-9")
            ]
        )
        #expect(feedback?.summary == "read 4 November 2026, auto-reply 5 November 2026")
        #expect(Array(history.feedback.keys) == ["C-1"], "a repair is about the record, not a claim")
    }

    @Test func eachKindOfReturnedMailMeansOneThing() {
        func meaning(_ report: ReturnedMailFacts.Report, _ set: (inout ReturnedMailFacts) -> Void) -> ReturnedMailMeaning {
            var facts = ReturnedMailFacts(report: report, originalMessageID: "m", matchedBy: .originalMessageID, mailbox: "1:1")
            set(&facts)
            return facts.meaning
        }
        #expect(meaning(.readReceipt) { $0.disposition = "displayed" } == .read)
        #expect(meaning(.readReceipt) { $0.disposition = "deleted" } == .deletedUnread)
        #expect(meaning(.readReceipt) { $0.disposition = "processed" } == .other)
        #expect(meaning(.deliveryStatus) { $0.action = "failed" } == .failed)
        #expect(meaning(.deliveryStatus) { $0.action = "delayed" } == .delayed)
        #expect(meaning(.deliveryStatus) { $0.action = "expanded" } == .delivered)
        #expect(meaning(.automaticReply) { _ in } == .automaticReply)
        #expect(meaning(.reply) { _ in } == .reply)
    }
}
