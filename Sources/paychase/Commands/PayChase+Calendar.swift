import ArgumentParser
import Foundation
import PayChaseJobs

extension PayChase {
    struct Calendar: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every dated step ahead as an iCalendar file for Outlook or any calendar.",
            discussion:
                "Next steps, replies due, the last days for a complaint and for dispute resolution (with a reminder a fortnight before) and pause ends, one all-day event each. Each event keeps its UID, so importing the file again moves events rather than adding more."
        )

        @Option(help: "Where to write it ('-' for standard output; default Outbox/calendar.ics).")
        var output: String?

        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let workspace = try options.workspace()
            let job = CalendarJob(workspace: workspace, asOf: dates.date)
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            let bytes = Array(result.text.utf8)
            if output == "-" {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            let path = output ?? "\(workspace.outbox.root)/calendar.ics"
            try PayChase.run { () throws(PayChaseError) in try ReportFile.write(bytes, to: path) }
            print(path)
        }
    }
}
