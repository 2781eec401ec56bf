import ArgumentParser
import PayChaseKit

extension PayChase {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each claim's paymaster, amount outstanding, days overdue and next step."
        )

        @Flag(help: "Print JSON for scripts instead of a table.")
        var json = false

        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let workspace = try options.workspace()
            let report = try PayChase.run { () throws(PayChaseError) in
                let profile = try workspace.loadProfile()
                let claims = try workspace.loadClaims(profile: profile)
                return StatusReport(claims: claims, profile: profile, attempts: workspace.attempts(), asOf: dates.date, rates: workspace.bankRates())
            }
            print(json ? report.json() : report.table, terminator: "")
        }
    }
}
