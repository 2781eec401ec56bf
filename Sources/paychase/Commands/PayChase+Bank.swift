import ArgumentParser
import PayChaseJobs

extension PayChase {
    struct Bank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Match the credits of a bank statement (OFX or a bank's CSV) to the claims they pay.",
            discussion:
                "Proposes, for each credit, the claims it pays and how sure that is, and lists what it could not place. Nothing is recorded without --record, which records only the certain proposals; a credit recorded once is never recorded again, from this statement or an overlapping one."
        )

        @Argument(help: "The statement: .ofx, .qfx or .csv as online banking exports it.")
        var file: String

        @Flag(help: "Record the certain proposals as payments.")
        var record = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = BankJob(workspace: try options.workspace(), statement: .file(file), record: record)
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            print(BankTable.text(result, recording: record), terminator: "")
            PayChase.report(result.problems)
            // The rest of the statement was read; the lines that were not say where and why.
            if !result.problems.isEmpty { throw ExitCode(ExitCodes.invalidData) }
        }
    }
}
