import PayChaseDomain
import PayChaseJobs

/// What `/api/mailbox` answers and the page shows: never a token.
struct MailboxView: Encodable, Sendable {
    var configured: Bool
    var provider: String?
    var clientId: String?
    var sendsAs: String?
    var reads: String?
    var connected: Bool
    var account: String?
    var scopes: [String]
    var connectedAt: String?
    var refreshTokenLastUsed: String?
    var accessTokenExpires: String?
    var signIn: SignInView?
    var lastSignInProblem: String?
    var problem: String?

    struct SignInView: Encodable, Sendable {
        var userCode: String
        var verificationUri: String
        var verificationUriComplete: String?
        var expires: String
    }

    init(status: MailboxJob.Status?, signIn: SignIns.State?, problem: String?) {
        configured = status != nil
        provider = status?.provider.rawValue
        clientId = status?.clientID
        sendsAs = status?.smtpUsername
        reads = status?.imapUsername
        let connection = status?.connection
        connected = connection != nil
        account = connection?.account
        scopes = connection?.scopes ?? []
        connectedAt = connection.map { LondonTime.clock($0.connectedAt) }
        refreshTokenLastUsed = connection?.refreshedAt.map(LondonTime.clock)
        accessTokenExpires = connection.map { LondonTime.clock($0.accessTokenExpiresAt) }
        switch signIn {
        case .waiting(let device)?:
            self.signIn = SignInView(
                userCode: device.userCode,
                verificationUri: device.verificationURI,
                verificationUriComplete: device.verificationURIComplete,
                expires: LondonTime.clock(device.expiresAt)
            )
        case .failed(let message)?:
            lastSignInProblem = message
        case nil:
            break
        }
        self.problem = problem
    }
}
