import Foundation
import PayChaseDomain
import PayChaseKit
import PayChaseOutbox

/// The record as the practice reads it.
enum LogTable {
    /// One line per attempt: when (UK time), claim, document, to whom, outcome and the server's reply.
    static func text(_ records: [DeliveryRecord], claim: String?) -> String {
        let rows = records.map { record -> [String] in
            let when = RecordTime.parse(record.time).map(LondonTime.clock) ?? record.time
            return [
                when, record.claimID, record.template, record.to.joined(separator: ", "), record.outcome.rawValue,
                record.reply.replacingOccurrences(of: "\n", with: " / "),
            ]
        }
        guard !rows.isEmpty else { return "No deliveries recorded\(claim.map { " for \($0)" } ?? "").\n" }
        return TextTable.align([["WHEN (UK)", "CLAIM", "DOCUMENT", "TO", "OUTCOME", "SERVER REPLY"]] + rows, rightAligned: [])
            .joined(separator: "\n") + "\n"
    }

    static func json(_ records: [DeliveryRecord]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(records)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }

    static let tornNote =
        "note: the last line was cut off by a crash while it was being written (the head shows it never completed); the next command that records drops it"

    static func powerCutNote(_ cut: DeliveryLog.PowerCut) -> String {
        let lost = cut.lostEntries.map { "the newest \($0) entr\($0 == 1 ? "y" : "ies") deliveries.head names" } ?? "deliveries.head"
        return "note: a power cut kept \(lost) from reaching the disk, and the in-flight journal of the send that was running "
            + "accounts for exactly that; the next command that opens the Outbox sets the head back and holds that send's messages as uncertain"
    }

    static func repaired(_ repair: OutboxSession.RecordRepair) -> String {
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
