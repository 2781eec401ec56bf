import PayChaseInput
import PayChaseTransport
import Testing

/// `oauth:` and `auth: oauth`: NHSmail's profile needs only a tenant and a client id; anything
/// missing or wrong is named by its key.
struct OAuthProfileTests {
    static func settings(_ extra: String, file: String = "/practice/paychase.yaml") throws -> PracticeSettings {
        let text = try String(contentsOfFile: Fixture.path("profile.yaml"), encoding: .utf8) + extra
        return try ProfileLoader().parseSettings(text, file: file)
    }

    static func problems(_ extra: String) -> [String] {
        do {
            _ = try settings(extra, file: "p.yaml")
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func nhsmailNeedsOnlyTheTenantAndTheClientID() throws {
        let settings = try Self.settings(
            """
            oauth:
              provider: microsoft
              tenant: 37c354b2-85b0-47f5-b222-07b48d774ee3
              client_id: 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
            smtp: { url: "smtp://send.nhs.net:587", username: practice.manager@nhs.net, auth: oauth }
            imap: { url: "imaps://outlook.office365.com/INBOX", username: practice.manager@nhs.net, auth: oauth }
            """
        )
        let oauth = try #require(settings.oauth)
        #expect(oauth.deviceAuthorizationURL == "https://login.microsoftonline.com/37c354b2-85b0-47f5-b222-07b48d774ee3/oauth2/v2.0/devicecode")
        #expect(oauth.tokenURL == "https://login.microsoftonline.com/37c354b2-85b0-47f5-b222-07b48d774ee3/oauth2/v2.0/token")
        #expect(
            oauth.scopes == [
                "https://outlook.office.com/SMTP.Send", "https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access",
            ]
        )
        #expect(oauth.grant == .deviceCode)
        #expect(oauth.tokenFile == "/practice/.paychase-tokens.json", "beside the profile, never in Outbox/")
        #expect(settings.smtp?.usesOAuth == true && settings.smtp?.auth == .xoauth2)
        #expect(settings.imap?.usesOAuth == true)
        #expect(settings.sentFolder == .automatic)
    }

    @Test func anApplicationPermissionReadsItsSecretLikeAPassword() throws {
        let settings = try Self.settings(
            """
            oauth:
              provider: microsoft
              tenant: nhs.net
              client_id: app-id
              grant: client_credentials
              client_secret_file: /etc/paychase/secret
            imap: { url: "imaps://outlook.office365.com/INBOX", username: practice.manager@nhs.net, auth: oauth, sent_folder: none }
            """
        )
        #expect(settings.oauth?.grant == .clientCredentials(secret: .file("/etc/paychase/secret")))
        #expect(settings.oauth?.scopes == ["https://outlook.office365.com/.default"])
        #expect(settings.sentFolder == .off)
    }

    @Test func everyMissingOrWrongSettingIsNamed() {
        let problems = Self.problems(
            """
            oauth:
              provider: other
              client_id: app
              client_secret: s3cr3t
              token_url: http://idp.example/token
            smtp: { url: "smtp://send.nhs.net:587", auth: oauth, password_env: SMTP_PASSWORD }
            """
        )
        #expect(
            problems.contains(
                "p.yaml: oauth.client_secret: never put the client secret itself in paychase.yaml; use client_secret_env (an environment variable) or client_secret_file (a file only you can read)"
            )
        )
        #expect(problems.contains { $0.hasPrefix("p.yaml: oauth.device_authorization_url: is missing") })
        #expect(problems.contains("p.yaml: oauth.token_url: 'http://idp.example/token' must start with https://"))
        #expect(problems.contains { $0.hasPrefix("p.yaml: oauth.scopes: is missing") })
        #expect(problems.contains { $0.hasPrefix("p.yaml: smtp.auth: is oauth, so the token comes from the mailbox connection") })
        #expect(problems.contains { $0.hasPrefix("p.yaml: smtp.username: is missing: with auth: oauth give the mailbox that signs in") })
        #expect(!problems.joined().contains("s3cr3t"), "a secret never reaches a message")
    }

    @Test func oauthSignInWithoutAnOAuthSectionSaysWhatToAdd() {
        let problems = Self.problems(
            """
            imap: { url: "imaps://outlook.office365.com/INBOX", username: practice.manager@nhs.net, auth: oauth }
            """
        )
        #expect(
            problems == [
                "p.yaml: imap.auth: is oauth, but there is no oauth: section naming the identity provider (for NHSmail: provider: microsoft, tenant and client_id; see README, \"Using NHSmail / Microsoft 365\")"
            ]
        )
    }

    @Test func microsoftWithoutATenantIsNamed() {
        let problems = Self.problems(
            """
            oauth: { provider: microsoft, client_id: app }
            """
        )
        #expect(problems == ["p.yaml: oauth.tenant: is missing"])
    }
}
