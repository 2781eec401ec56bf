import PayChaseDomain
import PayChaseJobs

extension PostingJob.Posting {
    /// `D-2026-014: appeal posted 23 November 2026 (recorded delivery, tracking AB123456789GB), PDF SHA-256 …`.
    var line: String {
        "\(claimID): \(template) posted \(postedOn.formatted) (\(method)\(tracking.map { ", tracking \($0)" } ?? "")), PDF SHA-256 \(sha256)"
    }

    var alreadyRecordedLine: String {
        "\(claimID): this \(template) was already recorded as posted on \(alreadyRecordedOn ?? "?"); not recorded again"
    }
}
