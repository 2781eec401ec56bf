import PayChaseDomain
import PayChaseJobs

extension DecisionJob.Decision {
    /// `D-2026-014: the partners agreed on 1 December 2026 to give the late-payment-notice (Dr A Shah, Dr B Jones), minute SHA-256 …`.
    var line: String {
        "\(claimID): the partners agreed on \(decidedOn.formatted) to give the \(step) (\(agreedBy.joined(separator: ", "))), minute SHA-256 \(sha256)"
    }

    var alreadyRecordedLine: String {
        "\(claimID): this signed minute was already recorded (decision of \(alreadyRecordedOn ?? "?")); not recorded again"
    }
}
