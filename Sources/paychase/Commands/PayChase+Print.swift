import ArgumentParser
import PayChaseJobs

extension LetterFormat: ExpressibleByArgument {}

extension PayChase {
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a template's letters as A4 PDF into Outbox/letters, and print them with --printer.",
            discussion: "The PDFs print anywhere; with --printer NAME they also go to that CUPS printer (lp)."
        )

        @Argument(help: "A letter template: appeal, late-payment-notice, formal-complaint, dispute-resolution, or one of your own.")
        var template: String

        @Option(help: "A CUPS printer to send the letters to.")
        var printer: String?

        @Option(help: "pdf, or docx to change the letters in Word before printing them.")
        var format = LetterFormat.pdf

        @OptionGroup var selection: SelectionOptions
        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            var job = PrintJob(
                workspace: try options.workspace(),
                template: template,
                selection: selection.selection,
                asOf: dates.date,
                printer: printer
            )
            job.format = format
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            PayChase.show(result)
            if let failure = result.handOffFailure { PayChase.report(CommandAdvice.lines(failure)) }
            try ExitCodes.exit(ExitCodes.code(for: result))
        }
    }
}
