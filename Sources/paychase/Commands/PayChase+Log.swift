import ArgumentParser
import PayChaseJobs

extension PayChase {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the delivery log, or check that nothing in it was edited, removed or reordered."
        )

        @Option(name: .customLong("claim"), help: "Only this claim's entries.")
        var claimID: String?

        @Flag(help: "Print the entries as JSON.")
        var json = false

        @Flag(help: "Check the hash chain: exit 0 when intact, otherwise name the first line that was tampered with.")
        var verify = false

        @Option(
            name: .customLong("against"),
            parsing: .upToNextOption,
            help: "With --verify: emails (.eml) whose X-PayChase-Record heads the record must still hold."
        )
        var witnesses: [String] = []

        @Flag(help: "Start a new record from the entries that verify, keeping the damaged one beside it.")
        var repair = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = LogJob(workspace: try options.workspace())
            if repair {
                let repair = try PayChase.run { () throws(PayChaseError) in try job.repair(logger: options.logger()) }
                print(LogTable.repaired(repair))
            } else if verify {
                let emails = witnesses
                let checked = try PayChase.run { () throws(PayChaseError) in try job.verify(against: emails, logger: options.logger()) }
                print(LogTable.verified(checked.verified.entries))
                for witness in checked.witnesses { print(LogTable.witnessed(witness)) }
                if checked.verified.tornByCrash { PayChase.report([LogTable.tornNote]) }
                if let cut = checked.verified.powerCut { PayChase.report([LogTable.powerCutNote(cut)]) }
            } else {
                let records = job.entries(claim: claimID, logger: options.logger())
                print(json ? LogJob.json(records) : LogTable.text(records, claim: claimID), terminator: "")
            }
        }
    }
}
