import ArgumentParser
import PayChaseKit

extension PayChase {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the profile, the claims and the templates together, listing every problem."
        )

        @OptionGroup var options: WorkspaceOptions
        @OptionGroup var dates: DateOptions

        func run() throws {
            let job = CheckJob(workspace: try options.workspace(), asOf: dates.date)
            let report = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            PayChase.report(report.notes.map { "note: \($0)" } + report.warnings.map { "warning: \($0)" })
            print(report.summary)
        }
    }
}
