import Foundation
import Logging
import PayChaseCurl
import PayChaseTransport

/// What libcurl's callbacks see and record during one message: the bytes to upload, the
/// server's replies line by line, and whether we logged in. Lives as long as the connection.
final class TransferState {
    // Connection facts; a new greeting (220) starts them again.
    var authenticated = false
    var serverAdvertisesDSN = false

    // Per message.
    var body: [UInt8] = []
    var offset = 0
    var requireLogin = false
    var beforeCommit: () -> Bool = { true }
    var committed = false
    var notLoggedIn = false
    var commitRefused = false
    var answered = false
    var lastReply: [String] = []
    /// The first 4xx or 5xx reply of this message: why it failed (libcurl says QUIT after it).
    var failure: [String]?
    var replyAfterCommit: [String]?
    private var pending: [String] = []

    let logger: Logger

    init(logger: Logger) { self.logger = logger }

    func reset(body: [UInt8], requireLogin: Bool, beforeCommit: @escaping () -> Bool) {
        self.body = body
        offset = 0
        self.requireLogin = requireLogin
        self.beforeCommit = beforeCommit
        committed = false
        notLoggedIn = false
        commitRefused = false
        answered = false
        lastReply = []
        failure = nil
        replyAfterCommit = nil
        pending = []
    }

    /// One server reply line (libcurl hands every one to the header callback).
    func receive(line raw: String) {
        // Byte by byte: a reply is ASCII, and this runs for every line of every message.
        let bytes = Self.trimmed(raw.utf8)
        guard !bytes.isEmpty else { return }
        let line = String(decoding: bytes, as: UTF8.self)
        answered = true
        pending.append(line)
        let isLast = bytes.count < 4 || bytes[3] != UInt8(ascii: "-")
        if bytes.count == 7, bytes[4...].map({ $0 & 0xDF }) == Self.dsn { serverAdvertisesDSN = true }
        guard isLast else { return }
        switch line.prefix(3) {
        case "220":
            authenticated = false
            serverAdvertisesDSN = false
        case "235":
            authenticated = true
        default:
            break
        }
        lastReply = pending
        if failure == nil, line.hasPrefix("4") || line.hasPrefix("5") { failure = pending }
        if committed && replyAfterCommit == nil { replyAfterCommit = pending }
        pending = []
    }

    /// A line without the CR and LF around it.
    private static func trimmed(_ line: String.UTF8View) -> [UInt8] {
        let bytes = Array(line)
        let isEnd = { (byte: UInt8) in byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") }
        guard let first = bytes.firstIndex(where: { !isEnd($0) }), let last = bytes.lastIndex(where: { !isEnd($0) }) else { return [] }
        // A new array, counted from 0: the reply code is bytes 0 to 2 whatever was trimmed before it.
        return Array(bytes[first...last])
    }

    /// The EHLO keyword for delivery status notifications, in capitals (RFC 3461).
    private static let dsn = Array("DSN".utf8)

    /// Fills libcurl's upload buffer. Before handing over the last bytes (libcurl knows the size,
    /// so it may never ask again), records the commit point: after this the server may have it.
    /// Returns the bytes written, or nil to abort the transfer.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        if offset == 0 && !committed && requireLogin && !authenticated {
            // libcurl skips AUTH silently when the server offers none; stop before the message goes.
            notLoggedIn = true
            return nil
        }
        let count = min(body.count - offset, buffer.count)
        if offset + count == body.count && !committed {
            guard beforeCommit() else {
                commitRefused = true
                return nil
            }
            committed = true
        }
        guard count > 0 else { return 0 }
        body.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// Verbose output with every credential hidden: AUTH lines and what follows them never appear.
    func trace(_ kind: CurlTrace, _ text: String) {
        switch kind {
        case .text:
            logger.debug("* \(text.trimmingCharacters(in: .newlines))")
        case .fromServer:
            logger.debug("< \(text.trimmingCharacters(in: .newlines))")
        case .toServer:
            let line = text.trimmingCharacters(in: .newlines)
            let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
            let safe = ["EHLO", "HELO", "STARTTLS", "MAIL", "RCPT", "DATA", "RSET", "QUIT", "NOOP", "BDAT"]
            if safe.contains(verb) {
                logger.debug("> \(line)")
            } else if verb == "AUTH" {
                let mechanism = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                logger.debug("> AUTH \(mechanism) [credentials hidden]")
            } else {
                logger.debug("> [credentials hidden]")
            }
        }
    }
}
