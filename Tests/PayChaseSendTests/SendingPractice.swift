import Foundation
import PayChaseTestSupport

/// A practice folder whose profile sends through the test mail rig.
struct SendingPractice {
    let folder: PracticeFolder
    let rig: MailRig

    /// `port` defaults to the STARTTLS + AUTH submission port.
    init(url: String? = nil, caFile: Bool = true, username: Bool = true) throws {
        rig = try MailRig.current()
        folder = try PracticeFolder()
        try folder.configureSMTP(
            url: url ?? "smtp://localhost:\(rig.submissionPort)", username: username ? rig.username : nil,
            caFile: caFile ? rig.caFile : nil
        )
    }

    var passwordEnvironment: [String: String] { ["PAYCHASE_SMTP_PASSWORD": rig.password] }

    func paychase(_ arguments: String...) throws -> CommandResult {
        try Command.run(Command.paychase, arguments, directory: folder.path, environment: folder.environment(passwordEnvironment))
    }

    /// Replaces the claims with `count` NHS England claims, all overdue on 22 November 2026.
    func writeClaims(count: Int, prefix: String = "B") throws {
        var lines = ["claim_id,service,category,period,amount,submitted_on,reference"]
        for index in 1...count {
            lines.append("\(prefix)-\(index),Dementia DES,DES,2026/27,\(100 + index).50,2026-06-01,REF-\(index)")
        }
        try folder.write("claims.csv", lines.joined(separator: "\n") + "\n")
    }

    /// Every entry of the delivery log, decoded loosely.
    func logEntries() throws -> [[String: Any]] {
        guard folder.exists("Outbox/deliveries.jsonl") else { return [] }
        return try folder.read("Outbox/deliveries.jsonl").split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// The queue ids Postfix gave (`queued as X`), from the log's replies.
    func postfixQueueIDs() throws -> [String] {
        try logEntries().compactMap { ($0["reply"] as? String)?.components(separatedBy: "queued as ").last }
            .filter { !$0.isEmpty && !$0.contains(" ") }
    }
}
