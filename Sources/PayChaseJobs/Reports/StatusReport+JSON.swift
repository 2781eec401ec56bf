import Foundation
import PayChaseDomain

extension StatusReport {
    /// The same report as JSON for scripts (`status --json`, the service's `/api/status`):
    /// amounts in pence and as text, dates ISO 8601.
    public func json() -> String {
        String(decoding: try! StatusJSON.encoder.encode(StatusJSON(self)), as: UTF8.self) + "\n"
    }
}

/// The JSON shape of a status report, shared by the command line and the web service.
public struct StatusJSON: Encodable, Sendable {
    /// Pretty, sorted, snake_case keys: the shape every PayChase JSON output has.
    public static var encoder: JSONEncoder {
        let encoder = JSONStyle.document.encoder(snakeCaseKeys: true)
        return encoder
    }

    /// An amount in pence and as text (`1234.56`).
    public struct Amount: Encodable, Sendable {
        public var pence: Int64
        public var text: String
        public init(_ money: Money) {
            pence = money.pence
            text = money.decimalString
        }
    }

    public struct Row: Encodable, Sendable {
        var claimId: String
        var service: String
        var paymaster: String
        var paymasterName: String
        var outstanding: Amount
        var dueOn: String
        var dueBasis: String
        var daysOverdue: Int
        var interest: Amount?
        var fixedSum: Amount?
        var attempts: Int
        var delivered: String?
        var read: String?
        var bounced: String?
        var bounceStatus: String?
        var replied: String?
        var automaticReply: String?
        var paymentsRecorded: Amount
        var nextStep: String
        var nextAction: String
        var nextTemplates: [String]
        var nextDate: String?
        var warning: String?
        /// Why chasing is paused, while it is.
        var pausedFor: String?

        /// One claim's row, as in `status --json`.
        public init(_ row: StatusReport.Row) {
            claimId = row.claimID
            service = row.service
            paymaster = row.paymaster
            paymasterName = row.paymasterName
            outstanding = Amount(row.outstanding)
            dueOn = row.dueOn.description
            dueBasis = row.dueBasis.rawValue
            daysOverdue = row.daysOverdue
            interest = row.interest.map { Amount($0.interest) }
            fixedSum = row.interest.map { Amount($0.fixedSum) }
            attempts = row.attempts
            delivered = row.feedback.delivered?.description
            read = row.feedback.read?.description
            bounced = row.feedback.bounced?.date.description
            bounceStatus = row.feedback.bounced?.status
            replied = row.feedback.replied?.description
            automaticReply = row.feedback.automaticReply?.description
            paymentsRecorded = Amount(row.feedback.paymentsRecorded)
            nextStep = row.nextStep.summary
            nextAction = row.nextStep.action.rawValue
            nextTemplates = row.nextStep.templates
            nextDate = row.nextStep.date?.description
            warning = row.nextStep.warning
            pausedFor = row.nextStep.reason
        }
    }

    public struct Total: Encodable, Sendable {
        var paymaster: String
        var paymasterName: String
        var claims: Int
        var outstanding: Amount
        var overdue: Amount

        /// One paymaster's totals, as in `status --json`.
        public init(_ total: StatusReport.Total) {
            paymaster = total.paymaster
            paymasterName = total.paymasterName
            claims = total.claims
            outstanding = Amount(total.outstanding)
            overdue = Amount(total.overdue)
        }
    }

    public var asOf: String
    public var claims: [Row]
    public var totals: [Total]

    public init(_ report: StatusReport) {
        asOf = report.asOf.description
        claims = report.rows.map(Row.init)
        totals = report.totals.map(Total.init)
    }
}
