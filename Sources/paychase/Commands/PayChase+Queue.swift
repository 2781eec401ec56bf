import ArgumentParser
import PayChaseJobs

extension PayChase {
    struct Queue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the messages waiting to be sent, or record that an uncertain one did arrive."
        )

        @Option(name: .customLong("delivered"), help: "A held (uncertain) message the recipient confirms they received.")
        var delivered: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = QueueJob(workspace: try options.workspace())
            if let delivered {
                let message = try PayChase.run { () throws(PayChaseError) in try job.confirmDelivered(delivered, logger: options.logger()) }
                print("\(message.id) recorded as delivered and moved to sent/")
            } else {
                print(QueueTable.text(try PayChase.run { () throws(PayChaseError) in try job.list(logger: options.logger()) }), terminator: "")
            }
        }
    }
}
