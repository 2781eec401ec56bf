import ArgumentParser
import PayChaseJobs

extension PayChase {
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a template's emails (.eml) and letters for the chosen claims into Outbox/drafts.",
            discussion: "Each .eml opens in Outlook or Thunderbird as a draft, ready to check and send."
        )

        @Argument(
            help:
                "The template: next (for each claim, the step status proposes), chase, appeal, lmc-referral, late-payment-notice, local-resolution, dispute-resolution, letter-before-claim, formal-complaint, or one of your own."
        )
        var template: String

        @Flag(
            help:
                "Draft a serious step (late-payment-notice, dispute-resolution, letter-before-claim) although the record does not show the steps before it."
        )
        var force = false

        @Option(help: "How letters are written: pdf, or docx to change them in Word before printing.")
        var format = LetterFormat.pdf

        @OptionGroup var selection: SelectionOptions
        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let workspace = try options.workspace()
            let result: DraftResult
            if template == "next" {
                let job = NextDraftJob(workspace: workspace, selection: selection.selection, asOf: dates.date)
                result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            } else {
                var job = DraftJob(workspace: workspace, template: template, selection: selection.selection, asOf: dates.date)
                job.outOfTurn = force
                job.letterFormat = format
                result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            }
            PayChase.show(result)
            if result.written.isEmpty && result.problems.isEmpty {
                PayChase.report([
                    template == "next"
                        ? "No claim has a document to send as of \(dates.date.formatted); nothing was written."
                        : "No claims needed a \(template) as of \(dates.date.formatted); nothing was written."
                ])
            }
            if !result.problems.isEmpty {
                PayChase.report(["\(result.problems.count) claim(s) not drafted; nothing was written for them."])
            }
            try ExitCodes.exit(ExitCodes.code(for: result))
        }
    }
}
