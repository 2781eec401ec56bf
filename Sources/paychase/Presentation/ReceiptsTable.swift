import Foundation
import PayChaseKit

/// What `receipts` found, per claim.
enum ReceiptsTable {
    static func text(_ result: ReceiptsJob.Result) -> String {
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

    static func json(_ result: ReceiptsJob.Result) -> String {
        struct Row: Encodable {
            var claimId: String, kind: String, summary: String, template: String, to: [String], file: String
        }
        struct View: Encodable {
            var recorded: [Row]
            var alreadyRecorded: Int, unmatched: Int, unrelated: Int, read: Int, rescanned: Bool
        }
        let view = View(
            recorded: result.recorded.map {
                Row(claimId: $0.claimID, kind: $0.kind, summary: $0.summary, template: $0.template, to: $0.to, file: $0.file)
            },
            alreadyRecorded: result.alreadyRecorded,
            unmatched: result.unmatched,
            unrelated: result.unrelated,
            read: result.read,
            rescanned: result.rescanned
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(view)) ?? Data(), as: UTF8.self) + "\n"
    }
}
