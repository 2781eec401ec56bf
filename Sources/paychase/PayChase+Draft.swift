import ArgumentParser
import PayChaseKit

extension PayChase {
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a template's emails (.eml) and letters for the chosen claims into Outbox/drafts.",
            discussion: "Each .eml opens in Outlook or Thunderbird as a draft, ready to check and send."
        )

        @Argument(help: "The template: chase, appeal, lmc-referral, late-payment-notice, formal-complaint, dispute-resolution, or one of your own.")
        var template: String

        @OptionGroup var selection: SelectionOptions
        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = DraftJob(workspace: try options.workspace(), template: template, selection: selection.selection, asOf: dates.date)
            let report = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            PayChase.report(report.warnings.map { "warning: \($0)" })
            for path in report.written { print(path) }
            PayChase.report(report.notes + report.problems)
            if report.written.isEmpty && report.problems.isEmpty {
                PayChase.report(["No claims needed a \(template) as of \(dates.date.formatted); nothing was written."])
            }
            if !report.problems.isEmpty {
                PayChase.report(["\(report.problems.count) claim(s) not drafted; nothing was written for them."])
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
        }
    }
}
