import Logging
import PayChaseDomain
import PayChaseInput
import PayChaseOutbox

/// `paychase bank FILE`: reads a bank statement, proposes for each credit the claims it pays,
/// and records nothing until told; `record` records the certain proposals (or, from the web
/// page, the ones ticked), each payment keeping the bank line's date, description, amount and
/// hash, so a statement read twice records nothing twice.
public struct BankJob: Sendable {
    public var workspace: Workspace
    public var statement: Source
    /// Record the certain proposals.
    public var record: Bool
    /// Record these credits' proposals, whatever their certainty: what a person ticked on the
    /// Bank page, each line's hash with the shares it was shown (`BankProposal.signature`); a
    /// proposal that is no longer what was reviewed is refused, not recorded.
    public var confirmed: [String: String]

    public enum Source: Sendable {
        case file(String)
        /// An upload: its bytes and the name to report lines against.
        case bytes([UInt8], name: String)
    }

    public init(workspace: Workspace, statement: Source, record: Bool = false, confirmed: [String: String] = [:]) {
        self.workspace = workspace
        self.statement = statement
        self.record = record
        self.confirmed = confirmed
    }

    public struct Result: Sendable {
        /// `OFX`, `Barclays`, ...
        public var layout: String
        public var proposals: [BankProposal] = []
        public var unplaced: [UnplacedCredit] = []
        /// Credits already recorded from an earlier statement: not proposed again.
        public var alreadyRecorded: [BankCredit] = []
        /// Lines that could not be read, as `FILE:LINE: message`.
        public var problems: [String] = []
        /// Debits and balance lines passed over.
        public var skipped = 0
        /// Payments recorded now.
        public var recorded: [PaymentReceived] = []
    }

    public func run(logger: Logger, clock: WallClock = .system) throws(PayChaseError) -> Result {
        let settings = try workspace.loadSettings()
        let reader = BankStatementReader(mapping: settings.bankCSV)
        let statement: BankStatementReader.Statement
        do {
            switch self.statement {
            case .file(let path): statement = try reader.read(path: path)
            case .bytes(let bytes, let name): statement = try reader.read(bytes: bytes, file: name)
            }
        } catch { throw Workspace.failure(error) }
        let outbox: OutboxSession
        do { outbox = try OutboxSession(working: workspace.outbox, logger: logger) } catch { throw error.failure }
        let view = RecordView(outbox)
        var claims = view.counting(try workspace.loadClaims(profile: settings.profile))
        let done = view.history.bankLines
        var result = Result(layout: statement.layout, problems: statement.problems.map(\.description), skipped: statement.skipped)
        let names = PaymentMatcher.names(configured: settings.bankNames, paymasters: settings.profile.paymasters)
        for credit in statement.credits {
            if done.contains(credit.sha256) {
                result.alreadyRecorded.append(credit)
                continue
            }
            // Each credit is matched against what is still owed after the certain (or ticked) ones
            // before it; a guess (likely, possible) takes nothing from a later certain match.
            switch PaymentMatcher(claims: claims, names: names).match(credit) {
            case .proposed(let proposal):
                result.proposals.append(proposal)
                guard proposal.certainty == .certain || confirmed[proposal.credit.sha256] != nil else { continue }
                for share in proposal.shares {
                    if let index = claims.firstIndex(where: { $0.id == share.claimID }) { claims[index].paid = claims[index].paid + share.amount }
                }
            case .unplaced(let unplaced):
                result.unplaced.append(unplaced)
            }
        }
        var chosen = result.proposals.filter { record && $0.certainty == .certain }
        if !confirmed.isEmpty {
            let changed = result.proposals.filter { proposal in confirmed[proposal.credit.sha256].map { $0 != proposal.signature } ?? false }
            // A line recorded meanwhile is simply not recorded again.
            let gone = confirmed.keys.filter { key in
                !result.proposals.contains { $0.credit.sha256 == key } && !result.alreadyRecorded.contains { $0.sha256 == key }
            }
            guard changed.isEmpty, gone.isEmpty else {
                throw PayChaseError(
                    .invalidData,
                    "the record has changed since the statement was reviewed (\(changed.count + gone.count) proposal(s) are no longer what was shown); nothing was recorded: read the statement again"
                )
            }
            chosen = result.proposals.filter { confirmed[$0.credit.sha256] != nil }
        }
        let payers = Dictionary(
            uniqueKeysWithValues: claims.map { ($0.id, settings.profile.paymasters[$0.paymaster]?.name ?? $0.paymaster.rawValue) }
        )
        for proposal in chosen {
            let line = BankLineReference(
                sha256: proposal.credit.sha256,
                date: proposal.credit.date,
                description: Self.oneLine(proposal.credit.description),
                amount: proposal.credit.amount
            )
            for share in proposal.shares {
                let payment = PaymentReceived(
                    claimID: share.claimID,
                    amount: share.amount,
                    bankLine: line,
                    payer: payers[share.claimID] ?? "",
                    payee: settings.profile.practice.name
                )
                do { try outbox.append(RecordLine(time: RecordTime.format(clock.now()), entry: .paymentReceived(payment))) } catch {
                    throw error.failure
                }
                result.recorded.append(payment)
            }
        }
        logger.debug(
            "bank statement",
            metadata: ["credits": "\(statement.credits.count)", "proposed": "\(result.proposals.count)", "recorded": "\(result.recorded.count)"]
        )
        return result
    }

    /// What names an uploaded statement while it is reviewed: its SHA-256.
    public static func key(of bytes: [UInt8]) -> String { SHA256Hex.digest(bytes) }

    /// A description as one line of at most 200 characters: nothing from a bank file reaches the
    /// record with a line break in it.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\0" ? " " : $0 }.prefix(PayChaseError.Input.maxLength))
    }
}
