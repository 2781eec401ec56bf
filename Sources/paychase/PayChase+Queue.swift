import ArgumentParser
import PayChaseKit

extension PayChase {
    struct Queue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the messages waiting to be sent, or record that an uncertain one did arrive."
        )

        @Option(name: .customLong("delivered"), help: "A held (uncertain) message the recipient confirms they received.")
        var delivered: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let report = QueueReport(workspace: try options.workspace())
            if let delivered {
                print(try PayChase.run { () throws(PayChaseError) in try report.confirmDelivered(delivered, logger: options.logger()) })
            } else {
                print(try PayChase.run { () throws(PayChaseError) in try report.table(logger: options.logger()) }, terminator: "")
            }
        }
    }
}
