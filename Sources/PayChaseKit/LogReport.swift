import Foundation
import PayChaseOutbox

/// `paychase log`: the delivery log, readably, or checked for tampering.
public struct LogReport: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public func entries(claim: String?) -> [DeliveryRecord] {
        DeliveryLog(outbox: workspace.outbox).entries().filter { claim == nil || $0.claimID == claim }
    }

    /// One line per attempt: when (UK time), claim, document, to whom, outcome and the server's reply.
    public func table(claim: String?) -> String {
        let rows = entries(claim: claim).map { record -> [String] in
            let when = DeliveryHistory.parse(record.time).map(Self.londonTime) ?? record.time
            return [when, record.claimID, record.template, record.to.joined(separator: ", "), record.outcome.rawValue,
                    record.reply.replacingOccurrences(of: "\n", with: " / ")]
        }
        guard !rows.isEmpty else { return "No deliveries recorded\(claim.map { " for \($0)" } ?? "").\n" }
        return StatusReport.align([["WHEN (UK)", "CLAIM", "DOCUMENT", "TO", "OUTCOME", "SERVER REPLY"]] + rows, rightAligned: [])
            .joined(separator: "\n") + "\n"
    }

    public func json(claim: String?) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(entries(claim: claim))) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }

    /// Exit 0 with a count when intact; otherwise the first line edited, removed or reordered.
    public func verify() throws(PayChaseError) -> String {
        let result = DeliveryLog(outbox: workspace.outbox).verify()
        if let problem = result.problem { throw PayChaseError(.dataError, problem) }
        return "OK: \(result.entries) entr\(result.entries == 1 ? "y" : "ies"), each one chained to the one before; nothing edited, removed or reordered"
    }

    static func londonTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
