import Foundation
import PayChaseJobs

/// How `paychase serve` runs: where it listens, which practices it serves, and the limits it keeps.
public struct WebConfiguration: Sendable {
    public var listen: ListenAddress
    public var practices: [ServedPractice]
    /// True with `--practices DIR`: a combined dashboard at `/`, each practice under `/practices/NAME`.
    public var several: Bool
    /// The users file (`paychase-users.json`); when it names anyone, every page needs a login.
    public var usersFile: String
    /// Behind a TLS reverse proxy: session cookies are Secure and browsers are told to keep to HTTPS.
    public var behindTLS: Bool
    /// The TLS proxy's addresses (`--trusted-proxy`): only requests from them have their
    /// `X-Forwarded-Proto` and `X-Forwarded-For` believed.
    public var trustedProxies: [String] = []
    /// The sessions, beside the users file (`paychase-sessions.json`), so a restart signs nobody out.
    public var sessionsFile: String {
        URL(fileURLWithPath: usersFile).deletingLastPathComponent().appendingPathComponent("paychase-sessions.json").path
    }
    /// The largest claims file an upload may be.
    public var maxUploadBytes = 10 * 1024 * 1024
    /// The largest ordinary form.
    public var maxFormBytes = 64 * 1024
    /// How long a job that writes waits for a `paychase` command holding the Outbox lock.
    public var lockPatience: Duration = .seconds(5)
    /// How often the worker looks at the queue and the clock.
    public var workerInterval: Duration = .seconds(30)
    /// Where `smtp.password_env` and `imap.password_env` are looked up: the process's environment unless given.
    public var environment: [String: String]?
    /// Where the time comes from (fixed in tests).
    public var clock: WallClock = .system
    /// The wall clock's second as the files' times are compared with, to tell when files changed
    /// just before they were read have settled (`FileStamp.settled`); set in tests.
    public var fileClock: @Sendable () -> Int = { FileStamp.second() }

    public init(listen: ListenAddress, practices: [ServedPractice], several: Bool, usersFile: String, behindTLS: Bool) {
        self.listen = listen
        self.practices = practices
        self.several = several
        self.usersFile = usersFile
        self.behindTLS = behindTLS
    }

    /// The practice served under `slug` (empty for the single practice).
    public func practice(_ slug: String) -> ServedPractice? { practices.first { $0.slug == slug } }
}
