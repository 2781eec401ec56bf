import Logging
import PayChaseCurl
import PayChaseTransport

/// Sends messages over one SMTP connection that stays open for the whole batch.
///
/// TLS is required (STARTTLS for smtp://, TLS from the start for smtps://) and certificates are
/// verified; the AUTH mechanism is pinned; a server that does not log us in when a username is
/// configured gets nothing.
public final class SMTPConnection: MailTransport {
    public let configuration: SMTPConfiguration
    private let curl: CurlHandle
    private let state: TransferState
    private var needsFreshConnection = false
    /// The secret the handle signs in with now (for a token, to notice when it was renewed).
    private var currentSecret: String?

    /// RFC 3461 parameters on MAIL and RCPT are only sent cleanly from libcurl 8.16.0 on.
    public static var libcurlSupportsDSN: Bool { CurlHandle.versionNumber >= 0x08_10_00 }
    public static var libcurlVersion: String { CurlHandle.version }

    /// The server's host and port, as the record names it (worked out once, not per message).
    public let server: String

    public init(configuration: SMTPConfiguration, logger: Logger) throws(MailServerError) {
        self.configuration = configuration
        server = configuration.server
        do { curl = try CurlHandle() } catch { throw MailServerError(.configuration, error.message) }
        state = TransferState(logger: logger)
        do { try configure(verbose: logger.logLevel <= .debug) } catch { throw MailServerError(.configuration, error.message) }
        currentSecret = try curl.configure(configuration.access, totalSeconds: configuration.messageTimeoutSeconds)
    }

    private func configure(verbose: Bool) throws(CurlError) {
        let lower = configuration.url.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            throw CurlError("smtp.url '\(configuration.url)' must start with smtp:// or smtps://")
        }
        // The URL's path is the name libcurl gives in EHLO.
        let base = configuration.url.hasSuffix("/") ? String(configuration.url.dropLast()) : configuration.url
        let hasPath = base.split(separator: "://", maxSplits: 1).last?.contains("/") ?? false
        try curl.setURL(hasPath ? base : "\(base)/\(configuration.heloDomain)")
        let state = state
        curl.onUpload = { state.read(into: $0) }
        curl.onReplyLine = { state.receive(line: $0) }
        curl.onTrace = { state.trace($0, $1) }
        try curl.setVerbose(verbose)
    }

    /// A token about to run out is renewed before the next message, so a new connection signs
    /// in with a good one (the open connection stays signed in).
    private func refreshSecret() throws(MailServerError) {
        let access = configuration.access
        guard access.credential.isBearerToken, access.settings.username != nil else { return }
        let secret = try access.credential.secret()
        if secret != currentSecret {
            try curl.setSecret(secret, for: access)
            currentSecret = secret
        }
    }

    /// Sends one message. `whileWaiting` runs each time libcurl is about to wait for the network:
    /// mostly for the replies to MAIL FROM, RCPT TO and DATA; also after `beforeCommit` when
    /// libcurl flushes the rest of a large message; not at all if nothing had to wait.
    /// `beforeCommit` runs just before the final dot, when the server would take the message;
    /// returning false abandons the message before the server has it.
    public func send(
        _ message: [UInt8],
        from: String,
        to recipients: [String],
        envelopeID: String,
        whileWaiting: () -> Void,
        beforeCommit: @escaping () -> Bool
    ) throws(MailServerError) -> SMTPResult {
        for address in [from] + recipients where !Self.isSafeEnvelopeAddress(address) {
            return SMTPResult(
                outcome: .refused,
                reply: "not sent: the envelope address '\(address.debugDescription)' is not a plain address",
                dsnRequested: false,
                serverAnswered: false
            )
        }
        try refreshSecret()
        switch try attempt(message, from: from, to: recipients, envelopeID: envelopeID, whileWaiting: whileWaiting, beforeCommit: beforeCommit) {
        case .done(let result):
            return result
        case .signInRefused(let error):
            // The server refused the token before anything was handed over: renewed once, and tried again.
            let access = configuration.access
            guard let renewed = try access.credential.renewed(after: currentSecret) else { throw error }
            try curl.setSecret(renewed, for: access)
            currentSecret = renewed
            switch try attempt(message, from: from, to: recipients, envelopeID: envelopeID, whileWaiting: whileWaiting, beforeCommit: beforeCommit) {
            case .done(let result): return result
            case .signInRefused(let again): throw again
            }
        }
    }

    /// One attempt's end: a result, or a refused sign-in (told apart so that `send` can renew a token once).
    private enum Attempt {
        case done(SMTPResult)
        case signInRefused(MailServerError)
    }

    private func attempt(
        _ message: [UInt8],
        from: String,
        to recipients: [String],
        envelopeID: String,
        whileWaiting: () -> Void,
        beforeCommit: @escaping () -> Bool
    ) throws(MailServerError) -> Attempt {
        let dsn = Self.libcurlSupportsDSN && state.serverAdvertisesDSN && !needsFreshConnection
        do {
            try curl.setMailFrom(dsn ? "<\(from)> RET=HDRS ENVID=\(Self.xtext(envelopeID))" : "<\(from)>")
            try curl.setMailRecipients(recipients.map { dsn ? "<\($0)> NOTIFY=SUCCESS,FAILURE" : "<\($0)>" })
            try curl.setUpload(size: message.count)
            try curl.setFreshConnection(needsFreshConnection)
        } catch {
            throw MailServerError(.configuration, error.message)
        }
        state.reset(body: message, requireLogin: configuration.username != nil, beforeCommit: beforeCommit)
        // The caller's work runs while libcurl waits (libcurl 7.88 waits for the reply to the
        // final dot inside its own loop, so mostly before it).
        let outcome = curl.perform(eachWait: whileWaiting)
        needsFreshConnection = !outcome.succeeded
        if outcome.failure == .loginDenied, !state.committed, configuration.access.credential.isBearerToken {
            return .signInRefused(loginDenied(outcome))
        }
        return .done(try result(of: outcome, dsnRequested: dsn))
    }

    /// What one attempt came to, from the server's replies; throws when the batch cannot go on
    /// (a login, TLS or the connection failed, or the server wants STARTTLS or a login first).
    private func result(of outcome: CurlOutcome, dsnRequested dsn: Bool) throws(MailServerError) -> SMTPResult {
        let detail = outcome.message
        let reply = state.lastReply.joined(separator: "\n")
        func result(_ outcome: SMTPResult.Outcome, _ text: String) -> SMTPResult {
            SMTPResult(outcome: outcome, reply: text, dsnRequested: dsn, serverAnswered: state.answered)
        }
        if outcome.succeeded { return result(.accepted, reply) }
        if state.notLoggedIn {
            throw MailServerError(
                .configuration,
                "\(configuration.server) did not log us in although smtp.username is set (it offered no AUTH); nothing was sent"
            )
        }
        if state.commitRefused { return result(.deferred, "not sent: the queue could not record the attempt") }
        if let failure = batchFailure(outcome) { throw failure }
        if state.committed {
            // The whole message went; only the server's own answer tells whether it has it.
            guard let answer = state.replyAfterCommit else {
                return result(.uncertain, "no reply after the end of the message: \(detail)")
            }
            let text = answer.joined(separator: "\n")
            if let advice = SignInAdvice.explain(text, username: configuration.username, server: configuration.server) {
                // Refused for who is signed in, not for the message: it stays queued.
                var kept = result(.deferred, text)
                kept.signInProblem = advice
                return kept
            }
            return result(answer.first?.hasPrefix("5") == true ? .refused : .deferred, text)
        }
        if let failure = state.failure,
            let advice = SignInAdvice.explain(failure.joined(separator: "\n"), username: configuration.username, server: configuration.server)
        {
            throw MailServerError(.configuration, advice)
        }
        if let failure = state.failure {
            return result(failure.first?.hasPrefix("5") == true ? .refused : .deferred, failure.joined(separator: "\n"))
        }
        let status = curl.responseCode
        if (500...599).contains(status) { return result(.refused, reply) }
        if (400...499).contains(status) { return result(.deferred, reply) }
        return result(.deferred, "connection failed before the end of the message: \(detail)")
    }

    /// Why no message can go over this connection as configured, if that is what happened.
    private func batchFailure(_ outcome: CurlOutcome) -> MailServerError? {
        let server = configuration.server
        switch outcome.failure {
        case .loginDenied:
            return loginDenied(outcome)
        case .tlsNotOffered:
            return MailServerError(.unavailable, "\(server) does not offer STARTTLS, and PayChase does not send without TLS")
        case .tlsFailed:
            return MailServerError(.unavailable, "TLS with \(server) failed: \(outcome.message)")
        case .cannotConnect:
            return MailServerError(.unavailable, "could not connect to \(server): \(outcome.message)")
        case .other, nil:
            break
        }
        if !state.committed, let failure = state.failure, failure.first?.hasPrefix("530") == true {
            // 530 is the server asking for TLS or a login first (RFC 3207, RFC 4954): the settings
            // are wrong, not the message, so the message stays queued.
            return MailServerError(
                .configuration,
                "\(server) will not take mail on this connection until it is given STARTTLS or a login: \(failure.joined(separator: " / ")). Check smtp: in paychase.yaml; nothing was sent"
            )
        }
        return nil
    }

    /// The server refused to sign us in: explained when it says why in terms we know.
    private func loginDenied(_ outcome: CurlOutcome) -> MailServerError {
        let why = state.failure?.joined(separator: "\n") ?? outcome.message
        if let advice = SignInAdvice.explain(why, username: configuration.username, server: configuration.server) {
            return MailServerError(.configuration, advice)
        }
        let token = configuration.access.credential.isBearerToken ? " (an OAuth 2.0 token, renewed once and refused again)" : ""
        return MailServerError(
            .configuration,
            "\(configuration.server) refused the login for \(configuration.username ?? "?") with AUTH=\(configuration.auth.rawValue)\(token): \(why.split(whereSeparator: \.isNewline).joined(separator: " / ")). Nothing was sent; the queue is kept"
        )
    }

    /// No CR, LF, NUL, spaces or angle brackets: nothing that could add an SMTP command.
    static func isSafeEnvelopeAddress(_ address: String) -> Bool {
        !address.isEmpty && address.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }
    }

    /// RFC 3461 xtext for ENVID.
    static func xtext(_ text: String) -> String {
        text.utf8.map { byte in
            (33...126).contains(byte) && byte != UInt8(ascii: "+") && byte != UInt8(ascii: "=")
                ? String(UnicodeScalar(byte)) : "+" + String(byte, radix: 16, uppercase: true)
        }.joined()
    }
}
