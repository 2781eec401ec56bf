import Foundation
import PayChaseTestSupport
import Testing

/// A practice folder whose profile sends through the test mail rig.
struct SendingPractice {
    let folder: PracticeFolder
    let rig: MailRig

    /// `port` defaults to the STARTTLS + AUTH submission port.
    /// `rig`: the shared one unless given.
    init(url: String? = nil, caFile: Bool = true, username: Bool = true, auth: String = "PLAIN", rig: MailRig? = nil) throws {
        self.rig = try rig ?? MailRig.current()
        let rig = self.rig
        folder = try PracticeFolder()
        try folder.configureSMTP(
            url: url ?? "smtp://localhost:\(rig.submissionPort)",
            username: username ? rig.username : nil,
            caFile: caFile ? rig.caFile : nil,
            auth: auth
        )
    }

    /// L-2026-007 paid by NHS England, whose server defers everything (451).
    func deferL2026007() throws {
        var profile = try folder.read("paychase.yaml")
        profile = profile.replacingOccurrences(
            of: "paymasters:",
            with: "paymasters:\n  nhs-england: { name: NHS England, email: deferred@nhs.example, address: [Quarry House, Leeds, LS2 7UE] }"
        )
        try folder.write("paychase.yaml", profile)
        let claims = try folder.read("claims.csv")
        try folder.write("claims.csv", claims.replacingOccurrences(of: "15/07/2026,,LBTH-PH-0441", with: "15/07/2026,nhs-england,LBTH-PH-0441"))
    }

    var passwordEnvironment: [String: String] { ["PAYCHASE_SMTP_PASSWORD": rig.password, "PAYCHASE_IMAP_PASSWORD": "imap-manager"] }

    /// Adds an `imap:` section reading the practice mailbox (manager@riverside.example) over STARTTLS.
    func configureIMAP(url: String? = nil, processedFolder: String? = nil) throws {
        var section = "imap:\n  url: \(url ?? "imap://localhost:\(rig.imapPort)")\n  username: manager@riverside.example\n"
        section += "  password_env: PAYCHASE_IMAP_PASSWORD\n  ca_file: \(rig.caFile)\n"
        if let processedFolder { section += "  processed_folder: \(processedFolder)\n" }
        try folder.write("paychase.yaml", try folder.read("paychase.yaml") + section)
    }

    /// The Message-ID the record holds for the email of `template` to `claim`.
    func sentMessageID(_ claim: String, _ template: String = "chase") throws -> String {
        try #require(
            try logEntries().first {
                $0["claim_id"] as? String == claim && $0["template"] as? String == template && $0["outcome"] as? String == "accepted"
            }?["message_id"] as? String
        )
    }

    func paychase(_ arguments: String...) throws -> CommandResult { try paychase(arguments) }

    func paychase(_ arguments: [String]) throws -> CommandResult {
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
