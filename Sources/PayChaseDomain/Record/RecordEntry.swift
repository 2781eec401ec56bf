/// What one line of the record says happened. Each case holds only its own facts; how they are
/// written down (`deliveries.jsonl`'s keys) is the Outbox's business, and what a claim's entries
/// mean together is `ClaimHistory`'s.
public enum RecordEntry: Sendable, Hashable {
    /// An attempt to hand an email to the server, or the practice's word that an uncertain one arrived.
    case email(EmailAttempt)
    /// A copy of an accepted email filed in the practice mailbox's sent folder.
    case sentItemsCopy(SentItemsCopy)
    /// A printed letter the practice posted.
    case letterPosted(LetterPosted)
    /// A receipt, bounce, automatic reply or reply read back from the practice mailbox.
    case mailReturned(MailReturned)
    /// Money the practice received for a claim.
    case paymentReceived(PaymentReceived)
    /// The partners' signed decision to take a serious step.
    case partnersDecision(PartnersDecision)
    /// The practice paused chasing a claim, with a reason.
    case paused(ClaimPaused)
    /// The practice resumed chasing a paused claim.
    case resumed(ClaimResumed)
    /// The practice started the record again from the entries that verified.
    case repair(RecordRepaired)

    /// What kind of entry it is, by the name the record and its listings use.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case accepted, deferred, refused
        /// The whole message went but no reply came back.
        case uncertain
        /// The practice confirmed an uncertain message arrived.
        case confirmed
        case posted
        case repaired
        case readReceipt = "read-receipt"
        case deliveryStatus = "delivery-status"
        case automaticReply = "automatic-reply"
        case reply
        case payment
        case sentItemsCopy = "sent-items-copy"
        /// The partners' signed decision to take a serious step.
        case decision
        case paused, resumed
    }

    public var kind: Kind {
        switch self {
        case .email(let email): email.outcome.kind
        case .sentItemsCopy: .sentItemsCopy
        case .letterPosted: .posted
        case .mailReturned(let mail): mail.facts.report.kind
        case .paymentReceived: .payment
        case .partnersDecision: .decision
        case .paused: .paused
        case .resumed: .resumed
        case .repair: .repaired
        }
    }

    /// The claim it is about; nil for what is about the record itself.
    public var claimID: String? {
        switch self {
        case .email(let email): email.message.claimID
        case .sentItemsCopy(let copy): copy.message.claimID
        case .letterPosted(let letter): letter.claimID
        case .mailReturned(let mail): mail.claimID
        case .paymentReceived(let payment): payment.claimID
        case .partnersDecision(let decision): decision.claimID
        case .paused(let pause): pause.claimID
        case .resumed(let resume): resume.claimID
        case .repair: nil
        }
    }

    /// The document it concerns (`chase`, `formal-complaint`), as the record's listings name it.
    public var document: String {
        switch self {
        case .email(let email): email.message.template
        case .sentItemsCopy(let copy): copy.message.template
        case .letterPosted(let letter): letter.template
        case .mailReturned(let mail): mail.template
        case .paymentReceived: "payment"
        case .partnersDecision: DocumentName.partnersDecision
        case .paused: "pause"
        case .resumed: "resume"
        case .repair: "record"
        }
    }

    /// Who it went to (or, for a payment, who received it), as the record names them.
    public var recipients: [String] {
        switch self {
        case .email(let email): email.message.to
        case .sentItemsCopy(let copy): copy.message.to
        case .letterPosted(let letter): letter.to
        case .mailReturned(let mail): mail.to
        case .paymentReceived(let payment): [payment.payee]
        case .partnersDecision(let decision): decision.agreedBy
        case .paused, .resumed: []
        case .repair: []
        }
    }

    /// What happened, in the words the record keeps: the server's reply, or a sentence.
    public var summary: String {
        switch self {
        case .email(let email): email.reply
        case .sentItemsCopy(let copy): copy.summary
        case .letterPosted(let letter): letter.summary
        case .mailReturned(let mail): mail.summary
        case .paymentReceived(let payment): payment.summary
        case .partnersDecision(let decision): decision.summary
        case .paused(let pause): pause.summary
        case .resumed(let resume): resume.summary
        case .repair(let repair): repair.summary
        }
    }

    /// The email the server has, or the practice confirmed it arrived.
    public var reachedServer: EmailAttempt? {
        guard case .email(let email) = self, email.outcome.reachedServer else { return nil }
        return email
    }
}
