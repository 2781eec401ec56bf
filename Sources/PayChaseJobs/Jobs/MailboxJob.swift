import Foundation
import PayChaseCurl
import PayChaseInput
import PayChaseOAuth
import PayChaseTransport

/// `paychase mailbox` and the service's Mailbox page: connect the practice mailbox with OAuth 2.0
/// (a person signs in at the identity provider with a code: RFC 8628), say who is connected, and
/// forget the tokens. Tokens go only to the token file; nothing here returns one.
public struct MailboxJob: Sendable {
    public var workspace: Workspace
    /// Where `oauth.client_secret_env` is looked up: the process's environment unless given.
    public var environment: [String: String]?

    public init(workspace: Workspace) { self.workspace = workspace }

    /// What the profile says and what is stored, without a token.
    public struct Status: Sendable {
        public var provider: OAuthSettings.Provider
        public var clientID: String
        public var grant: OAuthSettings.Grant
        public var scopesAsked: [String]
        /// Who signs in to each server (`smtp.username`, `imap.username`) where it uses OAuth.
        public var smtpUsername: String?
        public var imapUsername: String?
        public var tokenFile: String
        /// nil when nobody has connected.
        public var connection: MailboxConnection?
    }

    /// Where a sign-in has got to.
    public enum Progress: Sendable {
        case waiting(DeviceAuthorization)
        case connected(MailboxConnection)
    }

    public func status() throws(PayChaseError) -> Status {
        let setup = try setup()
        let oauth = try setup.oauthSettings()
        let settings = setup.settings
        return Status(
            provider: oauth.provider,
            clientID: oauth.clientID,
            grant: oauth.grant,
            scopesAsked: oauth.scopes,
            smtpUsername: settings.smtp?.usesOAuth == true ? settings.smtp?.username : nil,
            imapUsername: settings.imap?.usesOAuth == true ? settings.imap?.username : nil,
            tokenFile: oauth.tokenFile,
            connection: try translating { () throws(OAuthFailure) in try TokenStore(path: oauth.tokenFile).read().map(MailboxConnection.init) }
        )
    }

    /// Starts a sign-in: the link and code to show. For the client credentials grant there is
    /// nobody to sign in: the application's token is fetched and kept at once.
    public func begin() throws(PayChaseError) -> Progress {
        let client = try setup().oauthClient()
        if case .clientCredentials = client.settings.grant {
            return .connected(try keep(in: client) { () throws(OAuthFailure) in try client.clientCredentials() })
        }
        return .waiting(try translating { () throws(OAuthFailure) in try client.startDeviceAuthorization() })
    }

    /// Asks the provider once whether the person has signed in; keeps the tokens when they have.
    public func poll(_ device: DeviceAuthorization) throws(PayChaseError) -> Progress {
        let client = try setup().oauthClient()
        guard client.now() < device.expiresAt else {
            throw PayChaseError(
                .usage,
                "The sign-in code \(device.userCode) expired before anyone signed in with it. Start again and sign in within the time shown."
            )
        }
        let poll = try translating { () throws(OAuthFailure) in try client.poll(device) }
        switch poll {
        case .pending: return .waiting(device)
        case .slowDown(let slower): return .waiting(slower)
        case .granted(let tokens): return .connected(try keep(in: client) { () throws(OAuthFailure) in tokens })
        }
    }

    /// Polls at the provider's interval until the person signs in, the code expires, or
    /// `wait(seconds)` returns false (the front end was stopped).
    public func waitForSignIn(_ device: DeviceAuthorization, wait: (Int) -> Bool) throws(PayChaseError) -> MailboxConnection {
        var current = device
        while true {
            guard wait(current.interval) else {
                throw PayChaseError(.temporaryFailure, "Stopped before anyone signed in; nothing was stored.")
            }
            switch try poll(current) {
            case .waiting(let next): current = next
            case .connected(let connection): return connection
            }
        }
    }

    /// Forgets the tokens; true when there were some.
    @discardableResult
    public func disconnect() throws(PayChaseError) -> Bool {
        let store = TokenStore(path: try setup().oauthSettings().tokenFile)
        return try translating { () throws(OAuthFailure) in
            try store.locked { () throws(OAuthFailure) -> Bool in
                let had = try? store.read()
                try store.remove()
                return had != nil
            }
        }
    }

    private func setup() throws(PayChaseError) -> MailServerSetup {
        MailServerSetup(settings: try workspace.loadSettings(), configPath: workspace.configPath, insecurity: .init(), environment: environment)
    }

    /// Stores `tokens()` in `client`'s token file, under its lock, and says what is now connected.
    private func keep(in client: OAuthClient, _ tokens: () throws(OAuthFailure) -> StoredTokens) throws(PayChaseError) -> MailboxConnection {
        let store = TokenStore(path: client.settings.tokenFile)
        return try translating { () throws(OAuthFailure) in
            try store.locked { () throws(OAuthFailure) -> MailboxConnection in
                let stored = try tokens()
                try store.write(stored)
                return MailboxConnection(stored)
            }
        }
    }

    private func translating<T>(_ body: () throws(OAuthFailure) -> T) throws(PayChaseError) -> T {
        do { return try body() } catch {
            switch error.kind {
            case .signInNeeded: throw PayChaseError(.configuration, error.message, reason: .mailboxSignInNeeded)
            case .notApproved: throw PayChaseError(.usage, error.message)
            case .configuration: throw PayChaseError(.configuration, error.message)
            case .unavailable: throw PayChaseError(.unavailable, error.message)
            }
        }
    }
}

/// The sign-in's values, as the front ends name them.
public typealias DeviceAuthorization = PayChaseOAuth.DeviceAuthorization
public typealias MailboxConnection = PayChaseOAuth.MailboxConnection
