import Foundation
import PayChaseDomain
import PayChaseJobs

/// The record as the practice reads it.
enum LogTable {
    /// One line per attempt: when (UK time), claim, document, to whom, outcome and the server's reply.
    static func text(_ records: [RecordLine], claim: String?) -> String {
        let rows = records.map(RecordListing.init).map { [$0.when, $0.claimID, $0.document, $0.to, $0.kind.rawValue, $0.detail] }
        guard !rows.isEmpty else { return "No deliveries recorded\(claim.map { " for \($0)" } ?? "").\n" }
        return TextTable.align([["WHEN (UK)", "CLAIM", "DOCUMENT", "TO", "OUTCOME", "SERVER REPLY"]] + rows, rightAligned: [])
            .joined(separator: "\n") + "\n"
    }

    static let tornNote =
        "note: the last line was cut off by a crash while it was being written (the head shows it never completed); the next command that records drops it"

    static func powerCutNote(_ cut: PowerCut) -> String {
        let lost = cut.lostEntries.map { "the newest \($0) entr\($0 == 1 ? "y" : "ies") deliveries.head names" } ?? "deliveries.head"
        return "note: a power cut kept \(lost) from reaching the disk, and the in-flight journal of the send that was running "
            + "accounts for exactly that; the next command that opens the Outbox sets the head back and holds that send's messages as uncertain"
    }

    static func repaired(_ repair: RecordRepair) -> String {
        "Repaired: \(repair.problem). Kept the \(repair.kept) entr\(repair.kept == 1 ? "y" : "ies") before it and recorded the repair; "
            + "the damaged record is kept as \(repair.damagedCopy) (SHA-256 \(repair.damagedSHA256))"
    }

    static func witnessed(_ witness: LogJob.Witness) -> String {
        guard let head = witness.head else { return "\(witness.file): carries no \(RecordHead.headerName) (not sent by this PayChase)" }
        return "\(witness.file): agrees: the record still holds entry \(head.entries) as it stood when this was sent"
    }

    static func verified(_ entries: Int) -> String {
        "OK: \(entries) entr\(entries == 1 ? "y" : "ies"), each one chained to the one before; nothing edited, removed or reordered"
    }
}
