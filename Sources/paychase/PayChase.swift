import ArgumentParser
import Foundation
import PayChaseConcurrency
import PayChaseJobs

@main
struct PayChase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paychase",
        abstract: "Chase late and disputed GP practice payments in writing, and keep the proof.",
        discussion: """
            Exit codes: 0 ok, 64 usage, 65 bad claims or templates, 69 mail server unavailable, \
            75 temporary failure, 78 bad configuration.
            """,
        subcommands: [
            Check.self, Draft.self, Send.self, Print.self, RecordPosting.self, RecordDecision.self, Pause.self, Resume.self, Deadlines.self,
            Calendar.self, Bank.self,
            Payment.self,
            Receipts.self, Evidence.self,
            Status.self, Report.self,
            Log.self, Queue.self, Templates.self, Serve.self, User.self, Mailbox.self,
        ]
    )

    static func main() async {
        // Every command but `serve` runs once and exits.
        if CommandLine.arguments.dropFirst().first != "serve" { OneShot.begin() }
        await main(nil)
    }
}

extension PayChase {
    /// Runs a job, turning its failure into a message on standard error and the right exit code.
    static func run<T>(_ job: () throws(PayChaseError) -> T) throws -> T {
        do {
            return try job()
        } catch {
            report(CommandAdvice.lines(error))
            throw ExitCode(ExitCodes.code(for: error.kind))
        }
    }

    static func report(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

extension PayChase {
    /// What drafting or printing made: warnings, then the files written (stdout), then notes and problems.
    static func show(_ result: DraftResult) {
        report(result.warnings.map { "warning: \($0)" })
        for path in result.written { print(path) }
        report(result.notes.map(\.description) + result.problems.map(\.description))
    }
}
