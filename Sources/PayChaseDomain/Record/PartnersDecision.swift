/// The partners' signed minute of their decision to take a serious step for a claim (to give a
/// late-payment notice, or send a letter before claim), recorded with the PDF that was signed.
public struct PartnersDecision: Sendable, Hashable {
    public var claimID: String
    /// The step agreed: `late-payment-notice` or `letter-before-claim`.
    public var step: String
    /// The practice's address, as the one recording it.
    public var from: String
    /// The partners who agreed, as the minute names them.
    public var agreedBy: [String]
    public var decidedOn: CalendarDate
    /// The minute's PDF, relative to the Outbox.
    public var pdf: String
    /// SHA-256 of the PDF.
    public var sha256: String
    /// What the record says, in the words written when it was recorded.
    public var summary: String

    /// The steps a partners' decision is asked for before.
    public static let steps: Set<String> = [DocumentName.latePaymentNotice, DocumentName.letterBeforeClaim]

    /// The step a decision record made now is for: the late-payment notice under the GP contract
    /// until one is given, else the letter before claim.
    public static func step(for claim: Claim, attempts: [Attempt]) -> String {
        claim.route == .gpContract && !attempts.contains { $0.template == DocumentName.latePaymentNotice }
            ? DocumentName.latePaymentNotice : DocumentName.letterBeforeClaim
    }

    public init(
        claimID: String,
        step: String,
        from: String,
        agreedBy: [String],
        decidedOn: CalendarDate,
        pdf: String,
        sha256: String,
        summary: String? = nil
    ) {
        self.claimID = claimID
        self.step = step
        self.from = from
        self.agreedBy = agreedBy
        self.decidedOn = decidedOn
        self.pdf = pdf
        self.sha256 = sha256
        // `the partners agreed on 1 December 2026 to give the late-payment-notice (Dr A Shah, Dr B Jones)`.
        self.summary =
            summary ?? "the partners agreed on \(decidedOn.formatted) to give the \(step) (\(agreedBy.joined(separator: ", ")))"
    }
}
