import Foundation
import PayChaseCurl
import PayChaseTransport

/// Talks to the identity provider's device authorization and token endpoints over HTTPS
/// (certificates verified). Pure requests: nothing is stored here.
public struct OAuthClient: Sendable {
    public var settings: OAuthSettings
    /// For the client credentials grant: the secret, read like a password.
    public var clientSecret: String?
    public var now: @Sendable () -> Date = { Date() }

    public init(settings: OAuthSettings, clientSecret: String?) {
        self.settings = settings
        self.clientSecret = clientSecret
    }

    /// Starts a device sign-in: the link and code to show the person.
    public func startDeviceAuthorization() throws(OAuthFailure) -> DeviceAuthorization {
        let answer = try post(
            settings.deviceAuthorizationURL,
            [
                ("client_id", settings.clientID), ("scope", settings.scopes.joined(separator: " ")),
            ],
            during: "starting the sign-in"
        )
        guard let deviceCode = answer.string("device_code"), let userCode = answer.string("user_code"),
            let uri = answer.string("verification_uri") ?? answer.string("verification_url")
        else {
            throw OAuthFailure(
                .configuration,
                "The identity provider's device authorization endpoint (\(HTTPForm.origin(of: settings.deviceAuthorizationURL))) answered without a device_code, user_code and verification_uri: check oauth.device_authorization_url."
            )
        }
        return DeviceAuthorization(
            userCode: userCode,
            verificationURI: uri,
            verificationURIComplete: answer.string("verification_uri_complete"),
            expiresAt: now().addingTimeInterval(Double(answer.integer("expires_in") ?? 900)),
            interval: max(1, answer.integer("interval") ?? 5),
            deviceCode: deviceCode
        )
    }

    /// Asks once whether the person has signed in.
    public func poll(_ device: DeviceAuthorization) throws(OAuthFailure) -> DevicePoll {
        do {
            let answer = try post(
                settings.tokenURL,
                [
                    ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("device_code", device.deviceCode),
                    ("client_id", settings.clientID),
                ],
                during: "waiting for the sign-in"
            )
            return .granted(try tokens(from: answer, grant: .deviceCode, previous: nil))
        } catch  where error.code == "authorization_pending" {
            return .pending
        } catch  where error.code == "slow_down" {
            var slower = device
            slower.interval += 5
            return .slowDown(slower)
        }
    }

    /// A new access token with the refresh token (device sign-in) or the client secret.
    public func renew(_ stored: StoredTokens) throws(OAuthFailure) -> StoredTokens {
        switch stored.grant {
        case .clientCredentials:
            return try clientCredentials()
        case .deviceCode:
            guard let refreshToken = stored.refreshToken else {
                throw OAuthFailure(
                    .signInNeeded,
                    "The mailbox sign-in has no refresh token (offline_access was not granted), so it cannot be renewed; someone must sign in again, and oauth.scopes should include offline_access."
                )
            }
            let answer = try post(
                stored.tokenURL,
                [
                    ("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", stored.clientID),
                    ("scope", settings.scopes.joined(separator: " ")),
                ],
                during: "renewing the mailbox sign-in",
                refusalMeansSignIn: true
            )
            var renewed = try tokens(from: answer, grant: .deviceCode, previous: stored)
            renewed.refreshedAt = now()
            return renewed
        }
    }

    /// Tokens for the application itself (client credentials grant).
    public func clientCredentials() throws(OAuthFailure) -> StoredTokens {
        guard let clientSecret else {
            throw OAuthFailure(
                .configuration,
                "oauth.grant is client_credentials but no client secret was found: set oauth.client_secret_env or oauth.client_secret_file."
            )
        }
        let answer = try post(
            settings.tokenURL,
            [
                ("grant_type", "client_credentials"), ("client_id", settings.clientID), ("client_secret", clientSecret),
                ("scope", settings.scopes.joined(separator: " ")),
            ],
            during: "signing the application in"
        )
        return try tokens(from: answer, grant: .clientCredentials, previous: nil)
    }

    /// A token answer made into what is kept; a new refresh token replaces the old one.
    private func tokens(from answer: JSONAnswer, grant: StoredTokens.Grant, previous: StoredTokens?) throws(OAuthFailure) -> StoredTokens {
        guard let access = answer.string("access_token"), !access.isEmpty else {
            throw OAuthFailure(
                .configuration,
                "The identity provider's token endpoint (\(HTTPForm.origin(of: settings.tokenURL))) answered without an access_token."
            )
        }
        let lifetime = max(1, answer.integer("expires_in") ?? 3600)
        let issued = now()
        let granted = answer.string("scope").map { $0.split(separator: " ").map(String.init) } ?? previous?.scopes ?? settings.scopes
        return StoredTokens(
            grant: grant,
            clientID: settings.clientID,
            tokenURL: previous?.tokenURL ?? settings.tokenURL,
            account: TokenClaims.account(idToken: answer.string("id_token"), accessToken: access) ?? previous?.account,
            accessToken: access,
            expiresAt: issued.addingTimeInterval(Double(lifetime)),
            lifetime: lifetime,
            refreshToken: answer.string("refresh_token") ?? previous?.refreshToken,
            scopes: granted,
            connectedAt: previous?.connectedAt ?? issued,
            refreshedAt: previous?.refreshedAt
        )
    }

    /// POSTs the form; an OAuth error answer becomes its explained failure.
    /// `refusalMeansSignIn`: a 400 or 401 without an error code (some providers give no body) is
    /// the stored sign-in refused, as invalid_grant is.
    private func post(
        _ url: String,
        _ fields: [(String, String)],
        during: String,
        refusalMeansSignIn: Bool = false
    ) throws(OAuthFailure) -> JSONAnswer {
        var form = HTTPForm(url: url, fields: fields.map { (name: $0.0, value: $0.1) }, caFile: settings.caFile)
        form.timeoutSeconds = 30
        let response: HTTPForm.Response
        do { response = try form.post() } catch {
            throw OAuthFailure(.unavailable, "The identity provider could not be reached while \(during): \(error.message)")
        }
        let answer = JSONAnswer(response.body)
        if let code = answer.string("error") {
            throw OAuthFailure.fromProvider(code: code, description: answer.string("error_description"), during: during)
        }
        if refusalMeansSignIn && (response.status == 400 || response.status == 401) {
            throw OAuthFailure.fromProvider(code: "invalid_grant", description: "HTTP \(response.status), no reason given", during: during)
        }
        guard (200..<300).contains(response.status) else {
            let kind: OAuthFailure.Kind = response.status >= 500 ? .unavailable : .configuration
            throw OAuthFailure(
                kind,
                "The identity provider answered HTTP \(response.status) while \(during) (\(HTTPForm.origin(of: url))); check the oauth: URLs."
            )
        }
        return answer
    }
}

/// A JSON object's top-level values, leniently typed (providers send numbers as strings).
struct JSONAnswer {
    private let object: [String: Any]

    init(_ bytes: [UInt8]) {
        object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }

    func string(_ key: String) -> String? {
        guard let value = object[key] else { return nil }
        if let text = value as? String { return text }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    func integer(_ key: String) -> Int? { string(key).flatMap { Int($0) ?? Double($0).map { Int($0) } } }
}
