import Foundation
import PayChaseJobs
import PayChaseTestSupport
import Testing

/// A practice folder whose mailbox (manager@riverside.example) is reached with OAuth 2.0: the
/// rig's glewlwyd signs the person in, Dovecot checks the tokens for IMAP and for Postfix's SMTP AUTH.
struct OAuthPractice {
    let folder: PracticeFolder
    let oauth: OAuthRig
    static let mailbox = "manager@riverside.example"

    /// `short`: the provider instance whose access tokens last four seconds.
    /// `tokenFile`: one shared with other folders (the default is beside the profile).
    init(short: Bool = false, grant: String? = nil, tokenFile: String? = nil) throws {
        oauth = try OAuthRig.current()
        folder = try PracticeFolder()
        self.tokenFile = tokenFile ?? "\(folder.path)/.paychase-tokens.json"
        let rig = oauth.rig
        var profile = try folder.read("paychase.yaml") + oauth.profileSection(short: short, grant: grant)
        if let tokenFile { profile += "  token_file: \(tokenFile)\n" }
        profile += "smtp:\n  url: smtp://localhost:\(rig.submissionPort)\n  username: \(Self.mailbox)\n  auth: oauth\n  ca_file: \(rig.caFile)\n"
        profile += "imap:\n  url: imap://localhost:\(rig.imapPort)\n  username: \(Self.mailbox)\n  auth: oauth\n  ca_file: \(rig.caFile)\n"
        try folder.write("paychase.yaml", profile)
    }

    var workspace: Workspace {
        Workspace(
            configPath: folder.path + "/paychase.yaml",
            claimsPath: folder.path + "/claims.csv",
            templatesPath: nil,
            builtinTemplatesPath: TestPaths.templates.path,
            outboxPath: folder.path + "/Outbox"
        )
    }

    var environment: [String: String] { folder.environment(["PAYCHASE_OAUTH_SECRET": oauth.confidentialSecret]) }

    func paychase(_ arguments: String...) throws -> CommandResult {
        try Command.run(Command.paychase, arguments, directory: folder.path, environment: environment)
    }

    /// `paychase mailbox connect`, the code approved on the provider's page in headless Chromium.
    @discardableResult
    func connect() throws -> CommandResult {
        let connecting = try ConnectingCommand(directory: folder.path, environment: environment)
        let (url, code) = try connecting.linkAndCode()
        try oauth.approve(url: url, code: code)
        let result = connecting.finish()
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    let tokenFile: String

    func tokens() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: tokenFile))) as! [String: Any]
    }

    /// Rewrites the token file as another process would (mode 0600 kept).
    func changeTokens(_ change: (inout [String: Any]) -> Void) throws {
        var tokens = try tokens()
        change(&tokens)
        try JSONSerialization.data(withJSONObject: tokens).write(to: URL(fileURLWithPath: tokenFile))
        chmod(tokenFile, 0o600)
    }

    /// Makes the stored access token one that has run out, so the next use renews it.
    func expireAccessToken() throws {
        try changeTokens { $0["expires_at"] = "2026-01-01T00:00:00Z" }
    }

    /// Every file under Outbox/ as text, to look for secrets in.
    func outboxText() -> String {
        folder.files(under: "Outbox").compactMap { try? folder.read($0) }.joined(separator: "\n")
    }

    /// Record entries, decoded loosely.
    func logEntries() throws -> [[String: Any]] {
        guard folder.exists("Outbox/deliveries.jsonl") else { return [] }
        return try folder.read("Outbox/deliveries.jsonl").split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    func sentMessageID(_ claim: String) throws -> String {
        try #require(
            try logEntries().first { $0["claim_id"] as? String == claim && $0["outcome"] as? String == "accepted" }?["message_id"] as? String
        )
    }
}
