import ArgumentParser
import PayChaseJobs

extension PayChase {
    struct Evidence: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a claim's evidence pack: the PDF, every email, letter and receipt as recorded, and SHA256SUMS.",
            discussion: "The pack goes to Outbox/evidence/CLAIM/; check it with 'sha256sum -c SHA256SUMS' in that folder."
        )

        @Argument(help: "The claim.")
        var claimID: String

        @Flag(help: "Also make one .zip file of the pack, to attach.")
        var zip = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = EvidenceJob(workspace: try options.workspace(), claimID: claimID, zip: zip, checks: CommandAdvice.evidenceChecks)
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            print(result.folder + "/")
            for file in result.files { print("  " + file) }
            if let zipFile = result.zipFile { print(zipFile) }
        }
    }
}
