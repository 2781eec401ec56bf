import Foundation
import Logging
import PayChaseCurl
import PayChaseTransport

/// Reads one mailbox over one IMAP connection that stays open for the run.
///
/// TLS is required (STARTTLS for imap://, TLS from the start for imaps://) and the certificate
/// verified; the login mechanism is pinned. Messages are fetched with BODY.PEEK[], so reading
/// never marks them \Seen: that is done on purpose, message by message, once recorded.
public final class IMAPSession: MailStore {
    public let configuration: IMAPConfiguration
    private let curl: CurlHandle
    private let transcript = IMAPTranscript()
    private let base: String
    /// The mailbox the URL names (`imaps://host/INBOX`, `imap://host/Receipts`), INBOX when it names none.
    public let mailbox: String
    public var folder: String { mailbox }
    public var server: String { configuration.server }
    /// Folders seen to exist this session (the sent folder), so each is listed once, not per message.
    var knownFolders = Set<String>()
    /// The secret the handle signs in with (for a token, what to say was refused).
    private var currentSecret: String?

    public init(configuration: IMAPConfiguration, logger: Logger) throws(MailServerError) {
        self.configuration = configuration
        let url = configuration.settings.url
        let lower = url.lowercased()
        guard lower.hasPrefix("imap://") || lower.hasPrefix("imaps://") else {
            throw MailServerError(.configuration, "imap.url '\(url)' must start with imap:// or imaps://")
        }
        (base, mailbox) = Self.split(url)
        do {
            curl = try CurlHandle()
            let transcript = transcript
            curl.onReplyBytes = { transcript.append($0) }
            curl.onTrace = { kind, text in Self.trace(kind, text, logger: logger) }
            try curl.setVerbose(logger.logLevel <= .debug)
        } catch {
            throw MailServerError(.configuration, error.message)
        }
        currentSecret = try curl.configure(configuration.access, totalSeconds: configuration.commandTimeoutSeconds)
    }

    /// UIDVALIDITY and UIDNEXT of `mailbox`, without selecting it.
    public func status(of mailbox: String) throws(MailServerError) -> MailboxStatus {
        let responses = try run("STATUS \(Self.quoted(mailbox)) (UIDVALIDITY UIDNEXT)", in: nil)
        guard let line = responses.first(where: { $0.text.hasPrefix("* STATUS ") })?.text,
            let validity = Self.number(after: "UIDVALIDITY ", in: line), let next = Self.number(after: "UIDNEXT ", in: line)
        else {
            throw MailServerError(.refused, "\(configuration.server) gave no UIDVALIDITY for \(mailbox)")
        }
        return MailboxStatus(uidValidity: validity, uidNext: next)
    }

    /// Flags a message \Seen: done only once what it says is recorded.
    public func markSeen(_ uids: [UInt32], in mailbox: String) throws(MailServerError) {
        guard !uids.isEmpty else { return }
        _ = try run("UID STORE \(Self.set(uids)) +FLAGS.SILENT (\\Seen)", in: mailbox)
    }

    /// `3,5,9`: a UID set for one command (a chunk's worth, short enough for libcurl).
    static func set(_ uids: [UInt32]) -> String { uids.map(String.init).joined(separator: ",") }

    /// Moves a message to `folder`, creating the folder the first time.
    public func move(_ uids: [UInt32], in mailbox: String, to folder: String) throws(MailServerError) {
        guard !uids.isEmpty else { return }
        do {
            _ = try run("UID MOVE \(Self.set(uids)) \(Self.quoted(folder))", in: mailbox)
        } catch  where error.message.contains("TRYCREATE") {
            _ = try run("CREATE \(Self.quoted(folder))", in: nil)
            _ = try run("UID MOVE \(Self.set(uids)) \(Self.quoted(folder))", in: mailbox)
        }
    }

    /// Sends one command (libcurl selects `mailbox` first when it is not selected) and returns
    /// what the server said; a NO or BAD is an error with the server's words.
    func run(_ command: String, in mailbox: String?, upload: [UInt8]? = nil) throws(MailServerError) -> [IMAPTranscript.Response] {
        var outcome = try perform(command, in: mailbox, upload: upload)
        let access = configuration.access
        if outcome.failure == .loginDenied, access.credential.isBearerToken, let renewed = try access.credential.renewed(after: currentSecret) {
            // The server refused the token: renewed once, and signed in again with the new one.
            try curl.setSecret(renewed, for: access)
            currentSecret = renewed
            outcome = try perform(command, in: mailbox, upload: upload)
        }
        return try responses(after: outcome, command: command)
    }

    private func perform(_ command: String, in mailbox: String?, upload: [UInt8]?) throws(MailServerError) -> CurlOutcome {
        transcript.reset()
        do {
            try curl.setURL(mailbox.map { "\(base)/\(Self.urlPath($0))" } ?? "\(base)/")
            if let upload {
                // APPEND: libcurl sends `APPEND mailbox (\Seen) {size}` and then the bytes.
                try curl.setCustomRequest(nil)
                var offset = 0
                curl.onUpload = { buffer in
                    let count = min(buffer.count, upload.count - offset)
                    upload.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
                    offset += count
                    return count
                }
                try curl.setUpload(size: upload.count)
            } else {
                try curl.setNoUpload()
                try curl.setCustomRequest(command)
            }
            return curl.perform()
        } catch {
            throw MailServerError(.configuration, error.message)
        }
    }

    private func responses(after outcome: CurlOutcome, command: String) throws(MailServerError) -> [IMAPTranscript.Response] {
        let server = configuration.server
        switch outcome.failure {
        case nil:
            return transcript.responses
        case .loginDenied?:
            let said = transcript.completion ?? outcome.message
            if let advice = SignInAdvice.explain(said, username: configuration.settings.username, server: server) {
                throw MailServerError(.configuration, advice)
            }
            let token =
                configuration.access.credential.isBearerToken
                ? " (an OAuth 2.0 token, renewed once and refused again: check that imap.username is the mailbox that signed in and that the application has IMAP.AccessAsUser.All)"
                : ""
            throw MailServerError(
                .configuration,
                "\(server) refused the login for \(configuration.settings.username ?? "?") with AUTH=\(configuration.settings.auth.rawValue)\(token)"
            )
        case .tlsNotOffered?:
            throw MailServerError(.unavailable, "\(server) does not offer STARTTLS, and PayChase does not read mail without TLS")
        case .tlsFailed?:
            throw MailServerError(.unavailable, "TLS with \(server) failed: \(outcome.message)")
        case .cannotConnect?:
            throw MailServerError(.unavailable, "could not connect to \(server): \(outcome.message)")
        case .other?:
            let said = transcript.completion.map { ": \($0)" } ?? ""
            throw MailServerError(
                .refused,
                "\(server) did not carry out \(command.split(separator: " ").prefix(2).joined(separator: " "))\(said) (\(outcome.message))"
            )
        }
    }

    static func number(after key: String, in text: String) -> UInt32? {
        guard let range = text.range(of: key) else { return nil }
        return UInt32(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// `imap://host:143/Some%20Folder` → (`imap://host:143`, `Some Folder`).
    static func split(_ url: String) -> (base: String, mailbox: String) {
        let start = url.range(of: "://").map(\.upperBound) ?? url.startIndex
        guard let slash = url[start...].firstIndex(of: "/") else { return (url, "INBOX") }
        let path = url[url.index(after: slash)...].split(separator: ";").first.map(String.init) ?? ""
        let name = (path.removingPercentEncoding ?? path).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return (String(url[..<slash]), name.isEmpty ? "INBOX" : name)
    }

    /// An IMAP quoted string.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A mailbox name as a URL path segment.
    static func urlPath(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
    }

    /// The protocol trace with every credential hidden.
    private static func trace(_ kind: CurlTrace, _ text: String, logger: Logger) {
        let line = text.trimmingCharacters(in: .newlines)
        switch kind {
        case .text: logger.debug("* \(line)")
        case .fromServer: logger.debug("< \(line.prefix(200))")
        case .toServer:
            let words = line.split(separator: " ")
            let verb = words.dropFirst().first.map { $0.uppercased() } ?? ""
            if verb == "AUTHENTICATE" || verb == "LOGIN" {
                logger.debug("> \(words.first ?? "") \(verb) \(verb == "AUTHENTICATE" ? (words.dropFirst(2).first ?? "") : "") [credentials hidden]")
            } else if words.count <= 1 {
                logger.debug("> [credentials hidden]")
            } else {
                logger.debug("> \(line)")
            }
        }
    }
}
