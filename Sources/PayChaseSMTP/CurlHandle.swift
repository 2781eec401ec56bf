import CCurl
import Foundation

/// Owns one libcurl easy handle: options in, `perform`, answers out. The raw pointer never
/// leaves this file, and every return code is checked here.
final class CurlHandle {
    private let handle: UnsafeMutableRawPointer
    private var recipients: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    init() throws(SMTPError) {
        guard Self.globalInit == CURLE_OK, let handle = curl_easy_init() else {
            throw SMTPError(.configuration, "libcurl could not be initialised")
        }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(recipients)
        errorBuffer.deallocate()
    }

    /// The linked libcurl version, e.g. 0x075801 for 7.88.1.
    static var versionNumber: UInt32 { pc_curl_version_num() }
    static var version: String { String(cString: pc_curl_version()) }

    func set(_ option: CURLoption, _ value: Int) throws(SMTPError) {
        try check(pc_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String?) throws(SMTPError) {
        // libcurl copies strings it is given, so the Swift string need not outlive the call.
        let code = value.map { pc_setopt_string(handle, option, $0) } ?? pc_setopt_string(handle, option, nil)
        try check(code, option)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(SMTPError) {
        try check(pc_setopt_pointer(handle, option, pointer), option)
    }

    func set(_ option: CURLoption, callback: pc_data_callback) throws(SMTPError) {
        try check(pc_setopt_data_callback(handle, option, callback), option)
    }

    func setDebug(_ callback: pc_debug_callback) throws(SMTPError) {
        try check(pc_setopt_debug_callback(handle, callback), CURLOPT_DEBUGFUNCTION)
    }

    func setUploadSize(_ size: Int) throws(SMTPError) {
        try check(pc_setopt_offset(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(size)), CURLOPT_INFILESIZE_LARGE)
    }

    /// The RCPT TO list; libcurl does not copy it, so this object keeps it until replaced.
    func setRecipients(_ addresses: [String]) throws(SMTPError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for address in addresses {
            guard let appended = curl_slist_append(list, address) else {
                curl_slist_free_all(list)
                throw SMTPError(.configuration, "out of memory building the recipient list")
            }
            list = appended
        }
        try check(pc_setopt_slist(handle, CURLOPT_MAIL_RCPT, list), CURLOPT_MAIL_RCPT)
        curl_slist_free_all(recipients)
        recipients = list
    }

    /// Runs the transfer; returns libcurl's result code and its explanation.
    func perform() -> (code: CURLcode, message: String) {
        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        let detail = String(cString: errorBuffer)
        return (code, detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
    }

    /// The last numeric reply code the server gave (0 when none).
    var responseCode: Int {
        var value = 0
        _ = pc_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &value)
        return value
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(SMTPError) {
        guard code == CURLE_OK else {
            throw SMTPError(.configuration, "libcurl refused option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}
