import Logging
import PayChaseDomain
import PayChaseOutbox

/// `paychase payment`: money received for a claim, recorded so that what is outstanding is
/// amount − paid (claims file) − payments recorded, everywhere.
public struct PaymentJob: Sendable {
    public var workspace: Workspace
    public var claimID: String
    public var amount: String
    public var receivedOn: CalendarDate
    public var reference: String?

    public init(workspace: Workspace, claimID: String, amount: String, receivedOn: CalendarDate, reference: String?) {
        self.workspace = workspace
        self.claimID = claimID
        self.amount = amount
        self.receivedOn = receivedOn
        self.reference = reference
    }

    public struct Result: Sendable {
        public var claimID: String
        public var amount: Money
        public var receivedOn: CalendarDate
        /// What is still owed after it.
        public var outstanding: Money
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> Result {
        let money: Money
        do { money = try Money(parsing: amount) } catch {
            throw PayChaseError(.usage, "amount '\(amount)': \(error)")
        }
        guard money > .zero else { throw PayChaseError(.usage, "amount '\(amount)' must be more than £0.00") }
        if let reference, !OneLineInput.fits(reference) { throw OneLineInput.refusal(.paymentReference) }
        let profile = try workspace.loadProfile()
        let outbox: OutboxSession
        do { outbox = try OutboxSession(working: workspace.outbox, logger: logger) } catch { throw error.failure }
        let record = RecordView(outbox)
        guard let claim = record.counting(try workspace.loadClaims(profile: profile)).first(where: { $0.id == claimID }) else {
            throw PayChaseError(.usage, "claim '\(claimID)' is not in \(workspace.claimsPath)")
        }
        guard money <= claim.outstanding else {
            throw PayChaseError(
                .usage,
                "\(money.formatted) is more than the \(claim.outstanding.formatted) outstanding on \(claimID); record what was received for this claim only"
            )
        }
        let payment = PaymentReceived(
            claimID: claimID,
            amount: money,
            receivedOn: receivedOn,
            reference: reference,
            payer: profile.paymasters[claim.paymaster]?.name ?? claim.paymaster.rawValue,
            payee: profile.practice.name
        )
        do { try outbox.append(RecordLine(time: RecordTime.format(clock.now()), entry: .paymentReceived(payment))) } catch { throw error.failure }
        logger.debug("recorded payment", metadata: ["claim": "\(claimID)", "pence": "\(money.pence)"])
        return Result(claimID: claimID, amount: money, receivedOn: receivedOn, outstanding: claim.outstanding - money)
    }
}
