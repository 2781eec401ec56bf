import ArgumentParser
import Foundation
import PayChaseDomain
import PayChaseJobs

extension PayChase {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports for the partners' meeting: cash flow and aged debt, and the service value review.",
            subcommands: [Cashflow.self, Value.self]
        )
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// What every report takes: its form, where it goes, and a network folder instead of one practice.
struct ReportOptions: ParsableArguments {
    @Option(help: "pdf (A4, with charts), csv (for Excel) or json (for scripts).")
    var format: ReportFormat = .pdf

    @Option(help: "A folder with one sub-folder per practice (paychase.yaml, claims.csv, Outbox/): the network's report.")
    var practices: String?

    @Option(help: "Where to write the report ('-' for standard output; default Outbox/reports/NAME-DATE.EXT).")
    var output: String?

    /// The practice of the workspace options, or each practice of `--practices`.
    func workspaces(_ options: WorkspaceOptions) throws -> [Workspace] {
        let workspace = try options.workspace()
        guard let practices else { return [workspace] }
        return try PayChase.run { () throws(PayChaseError) in
            try Workspace.practices(in: practices, builtinTemplatesPath: workspace.builtinTemplatesPath)
        }
    }

    /// Writes the report and prints where, or writes it to standard output.
    func write(_ document: ReportDocument, name: String, asOf: CalendarDate, outbox: String) throws {
        let bytes = try PayChase.run { () throws(PayChaseError) in try format.bytes(of: document) }
        if output == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let path = output ?? "\(outbox)/reports/\(name)-\(asOf).\(format.rawValue)"
        try PayChase.run { () throws(PayChaseError) in try ReportFile.write(bytes, to: path) }
        print(path)
    }
}

extension PayChase.Report {
    struct Cashflow: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Outstanding per paymaster by age, claimed and received per month, what is expected next, days to pay, the oldest debts."
        )

        @OptionGroup var report: ReportOptions
        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = CashflowReportJob(workspaces: try report.workspaces(options), asOf: dates.date)
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            try report.write(result.document, name: "cashflow", asOf: dates.date, outbox: options.outbox)
        }
    }
}

extension PayChase.Report {
    struct Value: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The service value review: income per service against the staff time it takes, ranked, with what delegation would change.",
            discussion:
                "With --practices, each practice's folder has its own services file (named as --services gives it) and costs:, and the review compares the network's practices."
        )

        @Option(help: "The services file: service, category, gp_hours, nurse_hours, hca_hours, admin_hours, direct_costs.")
        var services = "services.csv"

        @OptionGroup var report: ReportOptions
        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let workspaces = try report.workspaces(options)
            let practices = workspaces.map { workspace in
                (workspace, report.practices == nil || services.hasPrefix("/") ? services : "\(workspace.folder)/\(services)")
            }
            let job = ValueReportJob(practices: practices, asOf: dates.date)
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            try report.write(result.document, name: "value", asOf: dates.date, outbox: options.outbox)
        }
    }
}
