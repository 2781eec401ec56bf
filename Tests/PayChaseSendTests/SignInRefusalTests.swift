import Foundation
import PayChaseTestSupport
import Testing

/// Exchange Online's refusals about signing in, from a hand-written stand-in (FakeExchange: no real
/// server here gives these answers on demand), and one real one: Postfix offering only OAuth.
/// Each is explained, stops the batch with exit 78, and leaves the message queued, never failed.
@Suite(.serialized) struct SignInRefusalTests {
    /// Queues a chase for one claim against a server that will refuse it, and returns the practice.
    func practice(port: Int, auth: String = "LOGIN") throws -> SendingPractice {
        let practice = try SendingPractice(url: "smtp://localhost:\(port)", auth: auth)
        try practice.writeClaims(count: 1)
        return practice
    }

    func expectKeptQueued(_ practice: SendingPractice) throws {
        #expect(practice.folder.files(under: "Outbox/queue").contains { $0.hasSuffix(".eml") }, "the message stays queued")
        #expect(practice.folder.files(under: "Outbox/failed").isEmpty, "nothing is moved to failed/ for a sign-in problem")
        #expect(practice.folder.files(under: "Outbox/sent").isEmpty)
    }

    @Test func fakeExchangeSays5_7_30PasswordSignInIsOffAndPointsToOAuth() throws {
        let fake = try FakeExchange(.basicOff, rig: try MailRig.current())
        let practice = try practice(port: fake.port)
        let result = try practice.paychase("send", "chase", "--claim", "B-1", "--as-of", "2026-11-22")
        #expect(result.status == 78)
        #expect(result.stderr.contains("550 5.7.30 Basic authentication is not supported for Client Submission"))
        #expect(result.stderr.contains("Sign in with OAuth 2.0 instead: set auth: oauth with an oauth: section"))
        #expect(!result.stderr.contains(practice.rig.password), "the password is never in a message")
        try expectKeptQueued(practice)
    }

    @Test func fakeExchangeSays5_7_139AuthenticatedSMTPIsOffForTheMailbox() throws {
        let fake = try FakeExchange(.authDisabled, rig: try MailRig.current())
        let practice = try practice(port: fake.port)
        let result = try practice.paychase("send", "chase", "--claim", "B-1", "--as-of", "2026-11-22")
        #expect(result.status == 78)
        #expect(result.stderr.contains("Ask the NHSmail Local Administrator to enable authenticated SMTP for \(practice.rig.username)"))
        try expectKeptQueued(practice)
    }

    @Test func fakeExchangeSaysSendAsDeniedAfterTheMessageAndItStaysQueued() throws {
        let fake = try FakeExchange(.sendAsDenied, rig: try MailRig.current())
        let practice = try practice(port: fake.port)
        let result = try practice.paychase("send", "chase", "--claim", "B-1", "--as-of", "2026-11-22")
        #expect(result.status == 78)
        #expect(result.stderr.contains("SendAsDenied"))
        #expect(result.stderr.contains("Send As permission"))
        try expectKeptQueued(practice)
        // The attempt is recorded as what it was: deferred, with the server's words.
        let entries = try practice.logEntries()
        #expect(entries.count == 1)
        #expect(entries.first?["outcome"] as? String == "deferred")
        #expect((entries.first?["reply"] as? String)?.hasPrefix("554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException") == true)
    }

    /// A real server that refuses passwords: Postfix offering only XOAUTH2 and OAUTHBEARER.
    @Test func aServerOfferingOnlyOAuthRefusesThePasswordAndNothingIsSent() throws {
        let oauth = try OAuthRig.current()
        let practice = try practice(port: oauth.oauthOnlyPort, auth: "PLAIN")
        let result = try practice.paychase("send", "chase", "--claim", "B-1", "--as-of", "2026-11-22")
        #expect(result.status == 78)
        #expect(result.stderr.contains("refused the login for \(practice.rig.username) with AUTH=PLAIN"))
        try expectKeptQueued(practice)
    }
}
