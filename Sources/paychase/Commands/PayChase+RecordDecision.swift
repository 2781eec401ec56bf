import ArgumentParser
import PayChaseDomain
import PayChaseJobs

extension PayChase {
    struct RecordDecision: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record-decision",
            abstract: "Record the partners' signed decision to give a late-payment notice or a letter before claim.",
            discussion:
                "The decision record must have been drafted or printed (paychase draft partners-decision) and signed: the record keeps its PDF's SHA-256, and from then on the step agreed is proposed."
        )

        @Argument(help: "The step agreed: late-payment-notice or letter-before-claim.")
        var step: String

        @Option(name: .customLong("claim"), parsing: .upToNextOption, help: "The claims the decision is about.")
        var claimIDs: [String]

        @Option(name: .customLong("agreed-by"), help: "A partner who agreed (repeat for each).")
        var agreedBy: [String] = []

        @Option(name: .customLong("on"), help: "The day of the decision (default today).", transform: parseDate)
        var decidedOn: CalendarDate?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = DecisionJob(
                workspace: try options.workspace(),
                step: step,
                claimIDs: claimIDs,
                decidedOn: decidedOn ?? WallClock.system.today,
                agreedBy: agreedBy
            )
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            for decision in result.recorded { print(decision.line) }
            PayChase.report(result.alreadyRecorded.map(\.alreadyRecordedLine))
        }
    }
}
