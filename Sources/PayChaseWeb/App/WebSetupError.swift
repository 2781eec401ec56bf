/// Why the web service will not start: said once, with what to do.
public struct WebSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
