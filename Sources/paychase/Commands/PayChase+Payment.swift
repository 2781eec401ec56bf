import ArgumentParser
import PayChaseDomain
import PayChaseJobs

extension PayChase {
    struct Payment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a payment received for a claim; what is outstanding goes down everywhere."
        )

        @Argument(help: "The claim paid.")
        var claimID: String

        @Argument(help: "The amount received: 1234.56 or £1,234.56.")
        var amount: String

        @Option(name: .customLong("on"), help: "The day it arrived (default today).", transform: parseDate)
        var receivedOn: CalendarDate?

        @Option(name: .customLong("ref"), help: "The paymaster's remittance reference.")
        var reference: String?

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let job = PaymentJob(
                workspace: try options.workspace(),
                claimID: claimID,
                amount: amount,
                receivedOn: receivedOn ?? WallClock.system.today,
                reference: reference
            )
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            print(
                "\(result.claimID): \(result.amount.formatted) received on \(result.receivedOn.formatted) recorded; \(result.outstanding.formatted) outstanding"
            )
        }
    }
}
