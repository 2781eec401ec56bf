import ArgumentParser
import PayChaseDomain
import PayChaseJobs

extension PayChase {
    struct RecordPosting: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-posting",
            abstract: "Record that a printed letter was posted, so that it counts as sent.",
            discussion: "The letter must have been printed with 'paychase print' (or drafted): the record keeps its PDF's SHA-256."
        )

        @Argument(help: "The letter posted: appeal, late-payment-notice, formal-complaint, dispute-resolution, letter-before-claim.")
        var template: String

        @Option(name: .customLong("claim"), parsing: .upToNextOption, help: "The claims whose letters were posted.")
        var claimIDs: [String]

        @Option(name: .customLong("on"), help: "The day it was posted (default today).", transform: parseDate)
        var postedOn: CalendarDate?

        @Option(help: "How it was sent: first class, second class, recorded delivery, hand delivered.")
        var method = PostingJob.defaultMethod

        @Option(help: "The Royal Mail tracking or signed-for reference.")
        var tracking: String?

        @Option(help: "The PDF actually posted, when the letter was changed in Word and printed from there.")
        var file: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            var job = PostingJob(
                workspace: try options.workspace(),
                template: template,
                claimIDs: claimIDs,
                postedOn: postedOn ?? WallClock.system.today,
                method: method,
                tracking: tracking
            )
            job.file = file
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            for posting in result.recorded { print(posting.line) }
            PayChase.report(result.alreadyRecorded.map(\.alreadyRecordedLine))
        }
    }
}
