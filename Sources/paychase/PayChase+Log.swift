import ArgumentParser
import PayChaseKit

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

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            let report = LogReport(workspace: try options.workspace())
            if verify {
                print(try PayChase.run { () throws(PayChaseError) in try report.verify() })
            } else {
                print(json ? report.json(claim: claimID) : report.table(claim: claimID), terminator: "")
            }
        }
    }
}
