import ArgumentParser
import PayChaseJobs

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
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            PayChase.show(result)
            if result.written.isEmpty && result.problems.isEmpty {
                PayChase.report(["No claims needed a \(template) as of \(dates.date.formatted); nothing was written."])
            }
            if !result.problems.isEmpty {
                PayChase.report(["\(result.problems.count) claim(s) not drafted; nothing was written for them."])
            }
            try ExitCodes.exit(ExitCodes.code(for: result))
        }
    }
}
