import Foundation
import PayChaseCurl
import PayChaseDomain
import PayChaseIMAP
import PayChaseInput
import PayChaseOAuth
import PayChaseSMTP
import PayChaseTransport

/// Turns the profile's `smtp:` and `imap:` sections into connection settings, fetching each
/// password from where the profile says it is. Errors never include the password.
public struct MailServerSetup: Sendable {
    /// The loudly named options that weaken TLS.
    public struct Insecurity: Sendable {
        public var skipCertificateVerification = false
        public var allowPlaintext = false
        public init(skipCertificateVerification: Bool = false, allowPlaintext: Bool = false) {
            self.skipCertificateVerification = skipCertificateVerification
            self.allowPlaintext = allowPlaintext
        }
    }

    public var settings: PracticeSettings
    /// The profile's path, for messages.
    public var configPath: String
    public var insecurity: Insecurity
    /// Where `password_env` is looked up.
    public var environment: [String: String]

    /// `environment` is the process's unless given.
    public init(settings: PracticeSettings, configPath: String, insecurity: Insecurity, environment: [String: String]? = nil) {
        self.settings = settings
        self.configPath = configPath
        self.insecurity = insecurity
        self.environment = environment ?? ProcessInfo.processInfo.environment
    }

    /// The SMTP server's, for sending.
    public func smtp() throws(PayChaseError) -> SMTPConfiguration {
        let unset =
            "smtp: is not set, so nothing can be sent. The drafts are written; to send, add an smtp: section with url, username, password_env or password_file (see README, \"Sending\")."
        return SMTPConfiguration(
            access: try access(settings.smtp, section: "smtp", unset: unset),
            heloDomain: EmailAddress.domain(of: settings.profile.practice.email)
        )
    }

    /// The IMAP server's, for reading what came back.
    public func imap() throws(PayChaseError) -> IMAPConfiguration {
        let unset =
            "imap: is not set, so receipts, bounces and replies cannot be read. Add an imap: section with url, username, password_env or password_file (see README, \"Receipts and replies\")."
        return IMAPConfiguration(access: try access(settings.imap, section: "imap", unset: unset))
    }

    /// One server's settings with its password fetched and the insecure options applied; a
    /// configuration error saying `unset` when the profile has no such section.
    private func access(_ server: MailServerSettings?, section: String, unset: String) throws(PayChaseError) -> MailServerAccess {
        guard let server else { throw PayChaseError(.configuration, "\(configPath): \(unset)") }
        var access: MailServerAccess
        if server.usesOAuth {
            access = MailServerAccess(settings: server, credential: try oauthCredential())
        } else {
            access = MailServerAccess(
                settings: server,
                password: try MailPassword.fetch(for: server, section: section, configPath: configPath, environment: environment)
            )
        }
        access.insecureSkipVerify = insecurity.skipCertificateVerification
        access.insecureAllowPlaintext = insecurity.allowPlaintext
        return access
    }
}

extension MailServerSetup {
    /// The practice's `oauth:` settings, or a configuration error saying they are missing.
    func oauthSettings() throws(PayChaseError) -> OAuthSettings {
        guard let oauth = settings.oauth else {
            throw PayChaseError(
                .configuration,
                "\(configPath): oauth: is not set, so there is no mailbox to connect. Add an oauth: section (for NHSmail: provider: microsoft, tenant and client_id) and set auth: oauth in smtp: and imap: (see README, \"Using NHSmail / Microsoft 365\")."
            )
        }
        return oauth
    }

    /// The identity provider's client, with the client secret fetched for the client credentials grant.
    func oauthClient() throws(PayChaseError) -> OAuthClient {
        let oauth = try oauthSettings()
        var secret: String?
        if case .clientCredentials(let source) = oauth.grant {
            let settings = MailServerSettings(url: "", username: nil, password: source, auth: .plain, caFile: nil)
            secret = try MailPassword.fetch(for: settings, section: "oauth.client_secret", configPath: configPath, environment: environment)
        }
        return OAuthClient(settings: oauth, clientSecret: secret)
    }

    /// A credential that presents the stored access token and renews it.
    func oauthCredential() throws(PayChaseError) -> OAuthCredential {
        OAuthCredential(client: try oauthClient(), store: TokenStore(path: try oauthSettings().tokenFile))
    }
}

/// A mail server's password, from the environment or from a file only its owner can read.
enum MailPassword {
    static func fetch(
        for settings: MailServerSettings,
        section: String,
        configPath: String,
        environment: [String: String]
    ) throws(PayChaseError) -> String? {
        switch settings.password {
        case .environment(let name)?:
            guard let value = environment[name], !value.isEmpty else {
                throw PayChaseError(.configuration, "\(configPath): \(section).password_env: the environment variable \(name) is not set")
            }
            return value
        case .file(let path)?:
            return try readFile(path, at: "\(configPath): \(section).password_file")
        case .oauth?, nil:
            return nil
        }
    }

    /// The file must be readable by its owner only (mode 0600): a password others can read is refused.
    static func readFile(_ path: String, at place: String) throws(PayChaseError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw PayChaseError(.configuration, "\(place): \(path) does not exist or cannot be read")
        }
        guard info.st_mode & 0o077 == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw PayChaseError(.configuration, "\(place): \(path) can be read by other users (mode \(mode)); run: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PayChaseError(.configuration, "\(place): \(path) cannot be read")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        guard !text.isEmpty else {
            throw PayChaseError(.configuration, "\(place): \(path) is empty")
        }
        return text
    }
}

extension MailServerError {
    /// Settings are configuration, a server out of reach is unavailable, and a command the
    /// server refused is worth trying again.
    var failure: PayChaseError {
        switch kind {
        case .configuration: PayChaseError(.configuration, message)
        case .unavailable: PayChaseError(.unavailable, message)
        case .refused: PayChaseError(.temporaryFailure, message)
        case .signInNeeded: PayChaseError(.configuration, message, reason: .mailboxSignInNeeded)
        }
    }
}
