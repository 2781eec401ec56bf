internal import CCurl

/// One line of libcurl's protocol trace.
public enum CurlTrace: Sendable {
    /// libcurl's own commentary.
    case text
    case fromServer
    case toServer
}
