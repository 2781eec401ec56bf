import ArgumentParser
import PayChaseJobs

/// Every exit code `paychase` gives, chosen here and nowhere else (sysexits.h, as mail tools use them).
enum ExitCodes {
    static let usage: Int32 = 64
    static let invalidData: Int32 = 65
    static let unavailable: Int32 = 69
    static let temporaryFailure: Int32 = 75
    static let configuration: Int32 = 78

    static func code(for kind: PayChaseError.Kind) -> Int32 {
        switch kind {
        case .usage: usage
        case .invalidData: invalidData
        case .unavailable: unavailable
        case .temporaryFailure: temporaryFailure
        case .configuration: configuration
        }
    }

    /// Drafting or printing: a claim not drafted is bad data; a printer that did not take the letters is its own failure.
    static func code(for result: DraftResult) -> Int32 {
        if let failure = result.handOffFailure { return code(for: failure.kind) }
        return result.problems.isEmpty ? 0 : invalidData
    }

    /// 78 for settings, 69 when the server could not be reached at all, 75 when anything waits
    /// to be retried, 65 when something was refused or could not be made, else 0.
    static func code(for result: SendResult) -> Int32 {
        if let stop = result.stop {
            if stop.kind != .unavailable { return code(for: stop.kind) }
            return result.attempted == 0 ? unavailable : temporaryFailure
        }
        if result.deferred + result.uncertain + result.waiting + result.held > 0 { return temporaryFailure }
        if result.refused > 0 || !result.drafts.problems.isEmpty { return invalidData }
        return 0
    }

    /// Ends the command with `code` unless it is 0.
    static func exit(_ code: Int32) throws {
        if code != 0 { throw ExitCode(code) }
    }
}
