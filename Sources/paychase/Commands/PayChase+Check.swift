import ArgumentParser
import PayChaseJobs

extension PayChase {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the profile, the claims and the templates together, listing every problem."
        )

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var dates: DateOptions

        func run() throws {
            let job = CheckJob(workspace: try options.workspace(), asOf: dates.date)
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            PayChase.report(result.notes.map { "note: \(CommandAdvice.line($0))" } + result.warnings.map { "warning: \($0)" })
            print(result.summary)
        }
    }
}
