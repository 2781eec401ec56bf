/// Exit codes, as mail tools use them (sysexits.h).
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case unavailable = 69
    case temporaryFailure = 75
    case configuration = 78
}

/// A failure that ends a command: what to tell the user, and the exit code.
public struct PayChaseError: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    public var lines: [String]

    public init(_ status: ExitStatus, _ lines: [String]) {
        self.status = status
        self.lines = lines
    }

    public init(_ status: ExitStatus, _ line: String) {
        self.init(status, [line])
    }

    public var description: String { lines.joined(separator: "\n") }
}
