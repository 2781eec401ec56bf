#if canImport(Glibc)
import Glibc
#endif

/// A file-system operation on the Outbox that failed, or a record that does not verify.
public struct OutboxError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var code: Int32
    /// Set when the record was edited, cut short or had lines removed: the first problem, naming
    /// the line. Nothing may add to such a record or act on it until it is repaired
    /// (`OutboxSession.repair`).
    public var recordProblem: String?

    public init(path: String, operation: String, errno code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    public static func damagedRecord(_ path: String, _ problem: String) -> OutboxError {
        var error = OutboxError(path: path, operation: "use the record", errno: EBADMSG)
        error.recordProblem = problem
        return error
    }

    public var description: String {
        if let recordProblem {
            return "\(recordProblem). The record does not verify, so PayChase will not add to it or act on it."
        }
        return "\(path): cannot \(operation): \(String(cString: strerror(code)))"
    }
}
