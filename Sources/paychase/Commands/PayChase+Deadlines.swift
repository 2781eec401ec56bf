import ArgumentParser
import PayChaseJobs

extension PayChase {
    struct Deadlines: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List each period whose claim or evidence is due, soonest first, and those missed or never claimed.",
            discussion:
                "The services file's frequency and claim_by columns (and evidence_by, claim_to, since, period_income) say when each service is claimed; every period since the service's start with no claim in the claims file is listed, with what the service usually brings for a period."
        )

        @Option(help: "The services file (default: services.csv beside the profile).")
        var services: String?

        @Flag(help: "Print JSON for scripts instead of lines.")
        var json = false

        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            var workspace = try options.workspace()
            workspace.servicesFile = services
            let job = DeadlinesJob(workspace: workspace, asOf: dates.date)
            let list = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            print(json ? list.json() : DeadlineLines.text(list), terminator: "")
        }
    }
}
