/// How the practice signs in to its mailbox with OAuth 2.0 (`oauth:` in the profile): the
/// identity provider's endpoints, the application (client) id, the scopes, and where the tokens
/// are kept. Names where a client secret is, never the secret itself.
public struct OAuthSettings: Sendable, Hashable {
    public enum Provider: String, Sendable, Hashable, CaseIterable {
        /// NHSmail and every Microsoft 365 / Exchange Online mailbox: only tenant and client id are needed.
        case microsoft
        /// Any other provider, by its URLs.
        case other
    }

    public enum Grant: Sendable, Hashable {
        /// A person signs in once (RFC 8628 device authorization grant); the refresh token keeps it.
        case deviceCode
        /// The organisation's administrator granted the application itself access (client
        /// credentials grant): the client secret is read like a password.
        case clientCredentials(secret: MailServerSettings.PasswordSource)
    }

    public var provider: Provider
    /// Microsoft's directory (tenant) id or domain, such as `nhs.net`'s tenant id.
    public var tenant: String?
    public var clientID: String
    public var deviceAuthorizationURL: String
    public var tokenURL: String
    public var scopes: [String]
    public var grant: Grant
    /// A CA bundle to verify the provider's certificate with, instead of the system's.
    public var caFile: String?
    /// The one file the tokens are kept in, readable only by its owner.
    public var tokenFile: String

    public init(
        provider: Provider,
        tenant: String?,
        clientID: String,
        deviceAuthorizationURL: String,
        tokenURL: String,
        scopes: [String],
        grant: Grant,
        caFile: String?,
        tokenFile: String
    ) {
        self.provider = provider
        self.tenant = tenant
        self.clientID = clientID
        self.deviceAuthorizationURL = deviceAuthorizationURL
        self.tokenURL = tokenURL
        self.scopes = scopes
        self.grant = grant
        self.caFile = caFile
        self.tokenFile = tokenFile
    }

    /// Microsoft's delegated permissions for sending and reading mail, and a refresh token.
    public static let microsoftScopes = [
        "https://outlook.office.com/SMTP.Send", "https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access",
    ]
    /// What an application granted access by the administrator asks for at Microsoft.
    public static let microsoftApplicationScopes = ["https://outlook.office365.com/.default"]

    /// Microsoft's endpoints for a tenant.
    public static func microsoftEndpoints(tenant: String) -> (deviceAuthorization: String, token: String) {
        let base = "https://login.microsoftonline.com/\(tenant)/oauth2/v2.0"
        return ("\(base)/devicecode", "\(base)/token")
    }
}
