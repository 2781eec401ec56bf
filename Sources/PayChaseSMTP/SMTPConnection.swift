import CCurl
import Logging

/// Sends messages over one SMTP connection that stays open for the whole batch.
///
/// TLS is required (STARTTLS for smtp://, TLS from the start for smtps://) and certificates are
/// verified; the AUTH mechanism is pinned; a server that does not log us in when a username is
/// configured gets nothing.
public final class SMTPConnection {
    public let configuration: SMTPConfiguration
    private let curl: CurlHandle
    private let state: TransferState
    private var needsFreshConnection = false

    /// RFC 3461 parameters on MAIL and RCPT are only sent cleanly from libcurl 8.16.0 on.
    public static var libcurlSupportsDSN: Bool { CurlHandle.versionNumber >= 0x08_10_00 }
    public static var libcurlVersion: String { CurlHandle.version }

    public init(configuration: SMTPConfiguration, logger: Logger) throws(SMTPError) {
        self.configuration = configuration
        curl = try CurlHandle()
        state = TransferState(logger: logger)
        try configure(verbose: logger.logLevel <= .debug)
    }

    private func configure(verbose: Bool) throws(SMTPError) {
        let lower = configuration.url.lowercased()
        guard lower.hasPrefix("smtp://") || lower.hasPrefix("smtps://") else {
            throw SMTPError(.configuration, "smtp.url '\(configuration.url)' must start with smtp:// or smtps://")
        }
        // The URL's path is the name libcurl gives in EHLO.
        let base = configuration.url.hasSuffix("/") ? String(configuration.url.dropLast()) : configuration.url
        let hasPath = base.split(separator: "://", maxSplits: 1).last?.contains("/") ?? false
        try curl.set(CURLOPT_URL, hasPath ? base : "\(base)/\(configuration.heloDomain)")
        try curl.set(CURLOPT_USE_SSL, configuration.insecureAllowPlaintext ? Int(CURLUSESSL_NONE.rawValue) : Int(CURLUSESSL_ALL.rawValue))
        try curl.set(CURLOPT_SSL_VERIFYPEER, configuration.insecureSkipVerify ? 0 : 1)
        try curl.set(CURLOPT_SSL_VERIFYHOST, configuration.insecureSkipVerify ? 0 : 2)
        if let caFile = configuration.caFile { try curl.set(CURLOPT_CAINFO, caFile) }
        if let username = configuration.username {
            try curl.set(CURLOPT_USERNAME, username)
            if configuration.auth == .xoauth2 {
                try curl.set(CURLOPT_XOAUTH2_BEARER, configuration.password)
            } else {
                try curl.set(CURLOPT_PASSWORD, configuration.password)
            }
            try curl.set(CURLOPT_LOGIN_OPTIONS, "AUTH=\(configuration.auth.rawValue)")
        }
        try curl.set(CURLOPT_UPLOAD, 1)
        try curl.set(CURLOPT_CONNECTTIMEOUT, configuration.connectTimeoutSeconds)
        try curl.set(CURLOPT_TIMEOUT, configuration.messageTimeoutSeconds)
        try curl.set(CURLOPT_NOSIGNAL, 1)
        let context = Unmanaged.passUnretained(state).toOpaque()
        try curl.set(CURLOPT_READDATA, pointer: context)
        try curl.set(CURLOPT_READFUNCTION, callback: readCallback)
        try curl.set(CURLOPT_HEADERDATA, pointer: context)
        try curl.set(CURLOPT_HEADERFUNCTION, callback: headerCallback)
        if verbose {
            try curl.set(CURLOPT_DEBUGDATA, pointer: context)
            try curl.setDebug(debugCallback)
            try curl.set(CURLOPT_VERBOSE, 1)
        }
    }

    /// Sends one message. `beforeCommit` runs just before the final dot, when the server would
    /// take the message; returning false abandons the message before the server has it.
    public func send(_ message: [UInt8], from: String, to recipients: [String], envelopeID: String, beforeCommit: @escaping () -> Bool) throws(SMTPError) -> SMTPResult {
        for address in [from] + recipients where !Self.isSafeEnvelopeAddress(address) {
            return SMTPResult(outcome: .refused, reply: "not sent: the envelope address '\(address.debugDescription)' is not a plain address", dsnRequested: false, serverAnswered: false)
        }
        let dsn = Self.libcurlSupportsDSN && state.serverAdvertisesDSN && !needsFreshConnection
        try curl.set(CURLOPT_MAIL_FROM, dsn ? "<\(from)> RET=HDRS ENVID=\(Self.xtext(envelopeID))" : "<\(from)>")
        try curl.setRecipients(recipients.map { dsn ? "<\($0)> NOTIFY=SUCCESS,FAILURE" : "<\($0)>" })
        try curl.setUploadSize(message.count)
        try curl.set(CURLOPT_FRESH_CONNECT, needsFreshConnection ? 1 : 0)
        state.reset(body: message, requireLogin: configuration.username != nil, beforeCommit: beforeCommit)

        let (code, detail) = curl.perform()
        needsFreshConnection = code != CURLE_OK
        let reply = state.lastReply.joined(separator: "\n")
        func result(_ outcome: SMTPResult.Outcome, _ text: String) -> SMTPResult {
            SMTPResult(outcome: outcome, reply: text, dsnRequested: dsn, serverAnswered: state.answered)
        }

        if code == CURLE_OK { return result(.accepted, reply) }
        if state.notLoggedIn {
            throw SMTPError(.configuration, "\(configuration.server) did not log us in although smtp.username is set (it offered no AUTH); nothing was sent")
        }
        if state.commitRefused { return result(.deferred, "not sent: the queue could not record the attempt") }
        switch code {
        case CURLE_LOGIN_DENIED:
            let why = state.failure?.joined(separator: " / ") ?? detail
            throw SMTPError(.configuration, "\(configuration.server) refused the login for \(configuration.username ?? "?") with AUTH=\(configuration.auth.rawValue): \(why)")
        case CURLE_USE_SSL_FAILED:
            throw SMTPError(.unavailable, "\(configuration.server) does not offer STARTTLS, and PayChase does not send without TLS")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            throw SMTPError(.unavailable, "TLS with \(configuration.server) failed: \(detail)")
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            throw SMTPError(.unavailable, "could not connect to \(configuration.server): \(detail)")
        default:
            break
        }
        if state.committed {
            // The whole message went; only the server's own answer tells whether it has it.
            guard let answer = state.replyAfterCommit else {
                return result(.uncertain, "no reply after the end of the message: \(detail)")
            }
            return result(answer.first?.hasPrefix("5") == true ? .refused : .deferred, answer.joined(separator: "\n"))
        }
        if let failure = state.failure {
            return result(failure.first?.hasPrefix("5") == true ? .refused : .deferred, failure.joined(separator: "\n"))
        }
        let status = curl.responseCode
        if (500...599).contains(status) { return result(.refused, reply) }
        if (400...499).contains(status) { return result(.deferred, reply) }
        return result(.deferred, "connection failed before the end of the message: \(detail)")
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

private func readCallback(buffer: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let context else { return pc_read_abort() }
    return Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue().read(into: buffer, capacity: size * count)
}

private func headerCallback(buffer: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let context else { return 0 }
    let length = size * count
    let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
    Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue().receive(line: line)
    return length
}

private func debugCallback(handle: UnsafeMutableRawPointer?, type: curl_infotype, data: UnsafeMutablePointer<CChar>?, size: Int, context: UnsafeMutableRawPointer?) -> Int32 {
    guard let data, let context else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue().debug(type: type, text: text)
    return 0
}
