import PayChaseDomain

/// The claims whose next step has come due as of a day (Europe/London): a document to send, an
/// address to fix, a reply to read. Most overdue first.
public struct TodaysActions: Sendable {
    public struct Action: Sendable, Encodable {
        public var claimId: String
        public var paymaster: String
        public var outstanding: StatusJSON.Amount
        public var daysOverdue: Int
        public var nextStep: String
        public var nextAction: String
        public var templates: [String]
        public var serious: Bool
    }

    public var asOf: CalendarDate
    public var actions: [Action]
    /// The rows behind them, for the worker's choice of what it may send by itself.
    public var rows: [StatusReport.Row]

    public static let due: Set<NextStep.Action> = [.send, .fixAddress, .readReply]

    public init(_ report: StatusReport) {
        asOf = report.asOf
        rows = report.rows.filter { $0.outstanding > .zero && Self.due.contains($0.nextStep.action) }
            .sorted { ($0.daysOverdue, $1.claimID) > ($1.daysOverdue, $0.claimID) }
        actions = rows.map {
            Action(
                claimId: $0.claimID,
                paymaster: $0.paymasterName,
                outstanding: StatusJSON.Amount($0.outstanding),
                daysOverdue: $0.daysOverdue,
                nextStep: $0.nextStep.summary,
                nextAction: $0.nextStep.action.rawValue,
                templates: $0.nextStep.templates,
                serious: $0.nextStep.serious
            )
        }
    }

    /// The claims the worker may send `template` for by itself: the step is exactly that
    /// document, and not a serious one.
    public func autoSendable(_ template: String) -> [String] {
        rows.filter { $0.nextStep.action == .send && $0.nextStep.templates == [template] && !$0.nextStep.serious }.map(\.claimID)
    }
}
