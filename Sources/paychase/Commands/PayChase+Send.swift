import ArgumentParser
import Foundation
import PayChaseJobs

extension PayChase {
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a template's emails over SMTP with receipts requested, or send what is queued.",
            discussion: """
                paychase send chase --overdue     draft, queue and send a chase for every overdue claim
                paychase send --queued            send what is waiting (deferred messages whose retry time has come)
                Every attempt is recorded in Outbox/deliveries.jsonl; accepted messages are kept in Outbox/sent.
                """
        )

        @Argument(help: "The template to send; leave out with --queued.")
        var template: String?

        @Option(name: .customLong("claim"), parsing: .upToNextOption, help: "The claims to send it for, by claim_id.")
        var claimIDs: [String] = []

        @Flag(help: "Every claim with money outstanding past its due date.")
        var overdue = false

        @Flag(help: "Send only what is already in the queue.")
        var queued = false

        @Flag(help: "Retry deferred messages now rather than at their retry time.")
        var retryNow = false

        @Flag(help: "Send again messages held because the server may already have them. Check with the recipient first.")
        var resendUncertain = false

        @Flag(help: "Send even if the same document went to the same claim in the last 14 days.")
        var again = false

        @OptionGroup var insecure: InsecureOptions
        @OptionGroup var dates: DateOptions
        @OptionGroup var options: WorkspaceOptions

        func validate() throws {
            if queued {
                guard template == nil, claimIDs.isEmpty, !overdue else {
                    throw ValidationError("--queued sends what is already queued; give no template, --claim or --overdue with it")
                }
            } else {
                guard template != nil else { throw ValidationError("give a template (paychase send chase --overdue) or --queued") }
                guard claimIDs.isEmpty == overdue else { throw ValidationError("give either --claim ID ... or --overdue") }
            }
        }

        func run() throws {
            insecure.warn(exposed: "the password and the messages")
            var jobOptions = SendJob.Options()
            jobOptions.retryNow = retryNow
            jobOptions.resendUncertain = resendUncertain
            jobOptions.again = again
            jobOptions.insecurity = insecure.insecurity
            let source: SendJob.Source = queued ? .queued : .template(template!, overdue ? .overdue : .ids(claimIDs))
            let job = SendJob(workspace: try options.workspace(), source: source, asOf: dates.date, options: jobOptions)
            let display = ProgressDisplay()
            let result = try PayChase.run { () throws(PayChaseError) in
                try job.run(logger: options.logger(), progress: display.show)
            }
            display.finish()
            PayChase.show(result.drafts)
            PayChase.report(result.notes.map(CommandAdvice.line))
            if let stop = result.stop { PayChase.report(CommandAdvice.lines(stop).map { "stopped: \($0)" }) }
            print(result.summary)
            if let copies = result.sentCopies.line { print(copies) }
            try ExitCodes.exit(ExitCodes.code(for: result))
        }
    }
}

/// A progress line that updates in place on a terminal, and plain lines anywhere else.
final class ProgressDisplay: Sendable {
    private let terminal = isatty(STDERR_FILENO) == 1

    func show(_ progress: SendProgress) {
        if terminal {
            let line =
                "\r[\(progress.done)/\(progress.total)] \(progress.accepted) accepted, \(progress.deferred) deferred, \(progress.refused) refused"
                + (progress.uncertain > 0 ? ", \(progress.uncertain) uncertain" : "")
            FileHandle.standardError.write(Data(line.utf8))
        } else {
            let reply = progress.reply.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " / ")
            let line = "\(progress.outcome): \(progress.claimID) \(progress.template) to \(progress.to.joined(separator: ", ")): \(reply)"
            FileHandle.standardError.write(Data("[\(progress.done)/\(progress.total)] \(line)\n".utf8))
        }
    }

    func finish() {
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
