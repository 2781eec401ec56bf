import ArgumentParser
import Foundation
import PayChaseJobs

extension PayChase {
    struct Receipts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read receipts, bounces and replies from the practice mailbox (IMAP) and record them as evidence.",
            discussion:
                "Only new messages are read. Each one that names an email PayChase sent is kept in Outbox/receipts/, recorded, then flagged as read; everything else is left alone."
        )

        @Flag(help: "Print what was recorded as JSON.")
        var json = false

        @OptionGroup var insecure: InsecureOptions
        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            insecure.warn(exposed: "the password")
            var job = ReturnedMailJob(workspace: try options.workspace())
            job.insecurity = insecure.insecurity
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            print(json ? result.json : ReturnedMailTable.text(result), terminator: "")
        }
    }
}
