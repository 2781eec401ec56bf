import Foundation
import PayChaseTransport
import Yams

/// Reads `oauth:`: the identity provider the practice signs in to its mailbox with. Microsoft
/// (NHSmail, Microsoft 365) needs only the tenant and the application (client) id; any other
/// provider is named by its URLs. A client secret written into the file is refused.
enum OAuthSettingsReader {
    static let keys = [
        "provider", "tenant", "client_id", "device_authorization_url", "token_url", "scopes", "ca_file", "grant", "client_secret",
        "client_secret_env", "client_secret_file", "token_file",
    ]

    static func read(_ node: Node?, profilePath: String, _ reader: inout YAMLReader) -> OAuthSettings? {
        guard let node else { return nil }
        let key = "oauth"
        if node.mapping?["client_secret"] != nil {
            reader.report(
                "oauth.client_secret",
                "never put the client secret itself in paychase.yaml; use client_secret_env (an environment variable) or client_secret_file (a file only you can read)"
            )
        }
        guard let map = reader.mapping(node, at: key, allowed: keys) else { return nil }
        let before = reader.diagnostics.count
        var provider = OAuthSettings.Provider.other
        if let text = reader.string(map, "provider", at: key, required: false) {
            if let value = OAuthSettings.Provider(rawValue: text.lowercased()) {
                provider = value
            } else {
                reader.report(
                    "oauth.provider",
                    "'\(text)' must be microsoft (NHSmail, Microsoft 365) or other (give device_authorization_url and token_url)"
                )
            }
        }
        let clientID = reader.string(map, "client_id", at: key)
        let grant = readGrant(map, &reader)
        let tenant = reader.string(map, "tenant", at: key, required: provider == .microsoft)
        var deviceURL = reader.string(map, "device_authorization_url", at: key, required: false)
        var tokenURL = reader.string(map, "token_url", at: key, required: false)
        if provider == .microsoft, let tenant {
            if tenant.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) {
                reader.report("oauth.tenant", "'\(tenant)' must be the directory (tenant) id or domain, such as 0a1b2c3d-… or nhs.net")
            }
            let endpoints = OAuthSettings.microsoftEndpoints(tenant: tenant)
            deviceURL = deviceURL ?? endpoints.deviceAuthorization
            tokenURL = tokenURL ?? endpoints.token
        }
        let isDevice = grant == .deviceCode
        if provider == .other {
            if deviceURL == nil && isDevice {
                reader.report(
                    "oauth.device_authorization_url",
                    "is missing: give the identity provider's device authorization endpoint, or provider: microsoft with tenant"
                )
            }
            if tokenURL == nil {
                reader.report("oauth.token_url", "is missing: give the identity provider's token endpoint, or provider: microsoft with tenant")
            }
        }
        for (name, url) in [("device_authorization_url", deviceURL), ("token_url", tokenURL)] {
            if let url, !url.lowercased().hasPrefix("https://") { reader.report("oauth.\(name)", "'\(url)' must start with https://") }
        }
        let scopes = readScopes(map, provider: provider, grant: grant, &reader)
        let caFile = reader.string(map, "ca_file", at: key, required: false)
        let tokenFile = resolve(reader.string(map, "token_file", at: key, required: false) ?? ".paychase-tokens.json", against: profilePath)
        guard reader.diagnostics.count == before, let clientID, let grant, let tokenURL else { return nil }
        return OAuthSettings(
            provider: provider,
            tenant: tenant,
            clientID: clientID,
            deviceAuthorizationURL: deviceURL ?? "",
            tokenURL: tokenURL,
            scopes: scopes,
            grant: grant,
            caFile: caFile,
            tokenFile: tokenFile
        )
    }

    /// `grant: device_code` (a person signs in; the default) or `client_credentials` with its secret.
    private static func readGrant(_ map: Node.Mapping, _ reader: inout YAMLReader) -> OAuthSettings.Grant? {
        let env = reader.string(map, "client_secret_env", at: "oauth", required: false)
        let file = reader.string(map, "client_secret_file", at: "oauth", required: false)
        let text = reader.string(map, "grant", at: "oauth", required: false)?.lowercased() ?? "device_code"
        switch text {
        case "device_code", "device":
            if env != nil || file != nil {
                reader.report(
                    "oauth.grant",
                    "is device_code (a person signs in), so no client secret is used; remove client_secret_env/client_secret_file or set grant: client_credentials"
                )
            }
            return .deviceCode
        case "client_credentials":
            if env != nil && file != nil { reader.report("oauth", "give client_secret_env or client_secret_file, not both") }
            guard let source = env.map({ MailServerSettings.PasswordSource.environment($0) }) ?? file.map({ .file($0) }) else {
                reader.report(
                    "oauth.client_secret_env",
                    "is missing: grant client_credentials needs the application's client secret, from client_secret_env or client_secret_file"
                )
                return nil
            }
            return .clientCredentials(secret: source)
        default:
            reader.report(
                "oauth.grant",
                "'\(text)' must be device_code (a person signs in) or client_credentials (an application permission granted by the administrator)"
            )
            return nil
        }
    }

    /// A list or one space-separated line; Microsoft's defaults when not given.
    private static func readScopes(
        _ map: Node.Mapping,
        provider: OAuthSettings.Provider,
        grant: OAuthSettings.Grant?,
        _ reader: inout YAMLReader
    ) -> [String] {
        var scopes: [String] = []
        if let node = map["scopes"], node.null == nil {
            if let sequence = node.sequence {
                scopes = sequence.compactMap { $0.string?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } else if let text = node.string {
                scopes = text.split(separator: " ").map(String.init)
            }
            if scopes.isEmpty || scopes.contains(where: { $0.hasHeaderUnsafeCharacters }) {
                reader.report("oauth.scopes", "must be a list of scope names, such as [https://outlook.office.com/SMTP.Send, offline_access]")
            }
        } else if provider == .microsoft {
            if case .clientCredentials = grant { scopes = OAuthSettings.microsoftApplicationScopes } else { scopes = OAuthSettings.microsoftScopes }
        } else {
            reader.report(
                "oauth.scopes",
                "is missing: name the scopes that let the application send and read mail, and offline_access for a refresh token"
            )
        }
        return scopes
    }

    /// A relative path is taken from the profile's folder.
    static func resolve(_ path: String, against profilePath: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        let folder = (profilePath as NSString).deletingLastPathComponent
        return folder.isEmpty ? path : "\(folder)/\(path)"
    }
}
