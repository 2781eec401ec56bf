import Foundation
import PayChaseJobs

/// What `receipts` found, per claim.
enum ReturnedMailTable {
    static func text(_ result: ReturnedMailJob.Result) -> String {
        var lines: [String] = []
        if result.rescanned {
            lines.append("The mailbox was renumbered (UIDVALIDITY changed): read again from the start; nothing is recorded twice.")
        }
        let byClaim = Dictionary(grouping: result.recorded, by: \.claimID)
        for claim in byClaim.keys.sorted() {
            lines.append("\(claim):")
            for found in byClaim[claim]! {
                lines.append("  \(found.kind): \(found.summary) (\(found.template) to \(found.to.joined(separator: ", ")))")
            }
        }
        lines.append(
            "\(result.read) message\(result.read == 1 ? "" : "s") read: \(result.recorded.count) recorded, \(result.alreadyRecorded) already recorded, "
                + "\(result.unmatched) naming no email PayChase sent, \(result.unrelated) unrelated (left alone)"
        )
        if let copies = result.sentCopies.line { lines.append(copies) }
        return lines.joined(separator: "\n") + "\n"
    }
}
