internal import CCurl
import Foundation
import PayChaseTransport

/// Owns one libcurl easy handle for SMTP or IMAP (and, for SMTP, the multi handle its transfers
/// run in): options in, `perform`, answers out. The raw pointers, libcurl's constants and its
/// callback types never leave this target, and every return code is checked here.
public final class CurlHandle {
    private let handle: UnsafeMutableRawPointer
    private var recipients: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    /// The multi handle `perform(eachWait:)` runs transfers in, and whose cache keeps their connection.
    private var multi: UnsafeMutableRawPointer?

    /// A server reply line as it arrives (SMTP replies, IMAP untagged and tagged responses).
    public var onReplyLine: (String) -> Void = { _ in }
    /// The same, as the exact bytes (an IMAP literal is not text); when set, `onReplyLine` is not called.
    public var onReplyBytes: ((UnsafeRawBufferPointer) -> Void)?
    /// Fills the upload buffer; returns the bytes written, or nil to abort the transfer.
    public var onUpload: (UnsafeMutableRawBufferPointer) -> Int? = { _ in 0 }
    /// Body bytes the server sends (an IMAP FETCH literal, a listing).
    public var onDownload: (UnsafeRawBufferPointer) -> Void = { _ in }
    /// The protocol trace, when `verbose` is on.
    public var onTrace: (CurlTrace, String) -> Void = { _, _ in }

    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    public init() throws(CurlError) {
        guard Self.globalInit == CURLE_OK, let handle = curl_easy_init() else {
            throw CurlError("libcurl could not be initialised")
        }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        let context = Unmanaged.passUnretained(self).toOpaque()
        try set(CURLOPT_READDATA, pointer: context)
        try check(pc_setopt_data_callback(handle, CURLOPT_READFUNCTION, curlRead), CURLOPT_READFUNCTION)
        try set(CURLOPT_HEADERDATA, pointer: context)
        try check(pc_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlHeader), CURLOPT_HEADERFUNCTION)
        try set(CURLOPT_WRITEDATA, pointer: context)
        try check(pc_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWrite), CURLOPT_WRITEFUNCTION)
        try set(CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        // Closes the connections the multi handle kept (SMTP says QUIT), then the easy handle.
        if let multi { curl_multi_cleanup(multi) }
        curl_easy_cleanup(handle)
        curl_slist_free_all(recipients)
        errorBuffer.deallocate()
    }

    /// The linked libcurl version, e.g. 0x075801 for 7.88.1.
    public static var versionNumber: UInt32 { pc_curl_version_num() }
    public static var version: String { String(cString: pc_curl_version()) }

    // MARK: Options

    public func setURL(_ url: String) throws(CurlError) { try set(CURLOPT_URL, url) }

    /// TLS always (STARTTLS for smtp:// and imap://), or not at all when plaintext is allowed;
    /// certificates verified unless `verify` is false.
    public func setTLS(required: Bool, verify: Bool, caFile: String?) throws(CurlError) {
        try set(CURLOPT_USE_SSL, required ? Int(CURLUSESSL_ALL.rawValue) : Int(CURLUSESSL_NONE.rawValue))
        try set(CURLOPT_SSL_VERIFYPEER, verify ? 1 : 0)
        try set(CURLOPT_SSL_VERIFYHOST, verify ? 2 : 0)
        if let caFile { try set(CURLOPT_CAINFO, caFile) }
    }

    /// Logs in with exactly this mechanism: the server is never allowed to negotiate another.
    public func setLogin(username: String, secret: String?, auth: MailServerSettings.Auth) throws(CurlError) {
        try set(CURLOPT_USERNAME, username)
        if auth == .xoauth2 {
            try set(CURLOPT_XOAUTH2_BEARER, secret)
        } else {
            try set(CURLOPT_PASSWORD, secret)
        }
        try set(CURLOPT_LOGIN_OPTIONS, "AUTH=\(auth.rawValue)")
    }

    public func setTimeouts(connectSeconds: Int, totalSeconds: Int) throws(CurlError) {
        try set(CURLOPT_CONNECTTIMEOUT, connectSeconds)
        try set(CURLOPT_TIMEOUT, totalSeconds)
    }

    /// Turns the trace on: `onTrace` sees every line (the caller hides credentials).
    public func setVerbose(_ verbose: Bool) throws(CurlError) {
        guard verbose else { return try set(CURLOPT_VERBOSE, 0) }
        try set(CURLOPT_DEBUGDATA, pointer: Unmanaged.passUnretained(self).toOpaque())
        try check(pc_setopt_debug_callback(handle, curlTrace), CURLOPT_DEBUGFUNCTION)
        try set(CURLOPT_VERBOSE, 1)
    }

    /// The next transfer uploads `size` bytes through `onUpload`.
    public func setUpload(size: Int) throws(CurlError) {
        try set(CURLOPT_UPLOAD, 1)
        try check(pc_setopt_offset(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(size)), CURLOPT_INFILESIZE_LARGE)
    }

    /// The next transfer downloads (after an upload on the same handle).
    public func setNoUpload() throws(CurlError) { try set(CURLOPT_UPLOAD, 0) }

    /// A new connection for the next transfer instead of the one kept open.
    public func setFreshConnection(_ fresh: Bool) throws(CurlError) { try set(CURLOPT_FRESH_CONNECT, fresh ? 1 : 0) }

    /// SMTP: the MAIL FROM argument, angle brackets and parameters included.
    public func setMailFrom(_ from: String) throws(CurlError) { try set(CURLOPT_MAIL_FROM, from) }

    /// SMTP: the RCPT TO list; libcurl does not copy it, so this object keeps it until replaced.
    public func setMailRecipients(_ addresses: [String]) throws(CurlError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for address in addresses {
            guard let appended = curl_slist_append(list, address) else {
                curl_slist_free_all(list)
                throw CurlError("out of memory building the recipient list")
            }
            list = appended
        }
        try check(pc_setopt_slist(handle, CURLOPT_MAIL_RCPT, list), CURLOPT_MAIL_RCPT)
        curl_slist_free_all(recipients)
        recipients = list
    }

    /// IMAP: a command of our own (`UID SEARCH ALL`) instead of the URL's default; nil resets.
    public func setCustomRequest(_ command: String?) throws(CurlError) {
        try set(CURLOPT_CUSTOMREQUEST, command)
    }

    /// HTTP: the next transfer POSTs `body` (libcurl copies it), form-encoded, to an https:// URL only.
    public func setPost(_ body: String) throws(CurlError) {
        try set(CURLOPT_PROTOCOLS_STR, "https")
        try set(CURLOPT_POSTFIELDSIZE, body.utf8.count)
        try set(CURLOPT_COPYPOSTFIELDS, body)
    }

    // MARK: Transfer

    /// Runs the transfer.
    public func perform() -> CurlOutcome {
        errorBuffer[0] = 0
        return outcome(of: curl_easy_perform(handle))
    }

    /// A transfer's result, explained by libcurl's error buffer, or by the code's text when empty.
    private func outcome(of code: CURLcode) -> CurlOutcome {
        let detail = String(cString: errorBuffer)
        return CurlOutcome(code: code, message: detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
    }

    /// Runs the transfer on this thread through libcurl's multi interface, calling `eachWait`
    /// each time libcurl is about to wait for the network: the caller's own work then overlaps
    /// the server's. The connection is kept for the next transfer as `perform()` keeps it; a
    /// handle uses one of the two for its life.
    public func perform(eachWait: () -> Void) -> CurlOutcome {
        errorBuffer[0] = 0
        if multi == nil { multi = curl_multi_init() }
        guard let multi else { return CurlOutcome(code: CURLE_OUT_OF_MEMORY, message: "libcurl could not start a transfer") }
        var failed = curl_multi_add_handle(multi, handle)
        var running: Int32 = 1
        while failed == CURLM_OK {
            failed = curl_multi_perform(multi, &running)
            guard failed == CURLM_OK, running > 0 else { break }
            eachWait()
            failed = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        var code = CURLE_OK
        let finished = pc_multi_done(multi, &code) == 1
        curl_multi_remove_handle(multi, handle)
        // A transfer that finished has its own result, whatever the multi interface said after.
        guard finished else {
            let reason = failed == CURLM_OK ? "the transfer ended without a result" : String(cString: curl_multi_strerror(failed))
            return CurlOutcome(code: CURLE_SEND_ERROR, message: "libcurl: \(reason)")
        }
        return outcome(of: code)
    }

    /// The last numeric reply code the server gave (0 when none).
    public var responseCode: Int {
        var value = 0
        _ = pc_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &value)
        return value
    }

    // MARK: Checked setters

    private func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(pc_setopt_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String?) throws(CurlError) {
        // libcurl copies strings it is given, so the Swift string need not outlive the call.
        let code = value.map { pc_setopt_string(handle, option, $0) } ?? pc_setopt_string(handle, option, nil)
        try check(code, option)
    }

    private func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(CurlError) {
        try check(pc_setopt_pointer(handle, option, pointer), option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(CurlError) {
        guard code == CURLE_OK else {
            throw CurlError("libcurl refused option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}

// libcurl's C callbacks: each finds its handle from the context pointer and calls the closure.

private func owner(_ context: UnsafeMutableRawPointer?) -> CurlHandle? {
    context.map { Unmanaged<CurlHandle>.fromOpaque($0).takeUnretainedValue() }
}

private func curlRead(buffer: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let curl = owner(context) else { return pc_read_abort() }
    return curl.onUpload(UnsafeMutableRawBufferPointer(start: buffer, count: size * count)) ?? pc_read_abort()
}

private func curlHeader(buffer: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let curl = owner(context) else { return 0 }
    let length = size * count
    let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
    if let onReplyBytes = curl.onReplyBytes {
        onReplyBytes(bytes)
    } else {
        // As typed bytes: String's fast path for UTF-8 (a raw buffer takes its slow one).
        curl.onReplyLine(String(decoding: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self))
    }
    return length
}

private func curlWrite(buffer: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let curl = owner(context) else { return 0 }
    let length = size * count
    curl.onDownload(UnsafeRawBufferPointer(start: buffer, count: length))
    return length
}

private func curlTrace(
    handle: UnsafeMutableRawPointer?,
    type: curl_infotype,
    data: UnsafeMutablePointer<CChar>?,
    size: Int,
    context: UnsafeMutableRawPointer?
) -> Int32 {
    guard let data, let curl = owner(context) else { return 0 }
    let kind: CurlTrace
    switch type {
    case CURLINFO_TEXT: kind = .text
    case CURLINFO_HEADER_IN: kind = .fromServer
    case CURLINFO_HEADER_OUT: kind = .toServer
    default: return 0
    }
    curl.onTrace(kind, String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}
