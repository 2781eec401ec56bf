import ArgumentParser
import PayChaseDomain
import PayChaseJobs

extension PayChase {
    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pause chasing a claim, with a reason, until a day or until it is resumed.",
            discussion:
                "While paused, the claim's next step says so, draft and send --overdue skip it, and its queued emails wait. Reasons practices give: \(ClaimPaused.suggestedReasons.joined(separator: "; ")); any text will do."
        )

        @Argument(help: "The claim to pause.")
        var claimID: String

        @Option(help: "Why: a promise to pay by a date, a query being answered, a dispute with the LMC, waiting for CQRS approval.")
        var reason: String = ""

        @Option(help: "The last day of the pause (default: until 'paychase resume').", transform: parseDate)
        var until: CalendarDate?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            try PayChase.changePause(claimID, .pause(reason: reason, until: until), options: options)
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start chasing a paused claim again before its pause ends.")

        @Argument(help: "The claim to resume.")
        var claimID: String

        @OptionGroup var options: WorkspaceOptions

        func run() throws { try PayChase.changePause(claimID, .resume, options: options) }
    }

    static func changePause(_ claimID: String, _ change: PauseJob.Change, options: WorkspaceOptions) throws {
        let job = PauseJob(workspace: try options.workspace(), claimID: claimID, change: change, asOf: WallClock.system.today)
        let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
        print("\(result.claimID): \(result.summary)")
    }
}
