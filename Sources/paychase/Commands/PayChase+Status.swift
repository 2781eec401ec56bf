import ArgumentParser
import PayChaseJobs

extension PayChase {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each claim's paymaster, amount outstanding, days overdue and next step."
        )

        @Flag(help: "Print JSON for scripts instead of a table.")
        var json = false

        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = StatusJob(workspace: try options.workspace(), asOf: dates.date)
            let report = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            print(json ? report.json() : report.table, terminator: "")
        }
    }
}
