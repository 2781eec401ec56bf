internal import CCurl

/// How a transfer ended, in the terms a mail client acts on; libcurl's own code is kept for messages.
public struct CurlOutcome: Sendable, Hashable {
    public enum Failure: Sendable, Hashable {
        /// The server refused the login.
        case loginDenied
        /// TLS was required and the server does not offer it (no STARTTLS).
        case tlsNotOffered
        /// The TLS handshake or the certificate check failed.
        case tlsFailed
        /// The server could not be reached (refused, unresolvable).
        case cannotConnect
        /// Anything else: a reply the protocol layer reads, a timeout, a dropped connection.
        case other
    }

    /// nil when the transfer succeeded.
    public var failure: Failure?
    /// libcurl's explanation (its error buffer, or the code's text).
    public var message: String
    /// libcurl's numeric result code, for traces.
    public var code: Int

    public var succeeded: Bool { code == 0 }

    init(code: CURLcode, message: String) {
        self.code = Int(code.rawValue)
        self.message = message
        switch code {
        case CURLE_OK: failure = nil
        case CURLE_LOGIN_DENIED: failure = .loginDenied
        case CURLE_USE_SSL_FAILED: failure = .tlsNotOffered
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM: failure = .tlsFailed
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: failure = .cannotConnect
        default: failure = .other
        }
    }
}
