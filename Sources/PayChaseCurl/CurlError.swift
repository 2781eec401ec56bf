internal import CCurl

/// libcurl could not be set up as asked.
public struct CurlError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
