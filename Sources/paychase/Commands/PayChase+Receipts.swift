import ArgumentParser
import Foundation
import PayChaseKit

extension PayChase {
    struct Receipts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read receipts, bounces and replies from the practice mailbox (IMAP) and record them as evidence.",
            discussion: "Only new messages are read. Each one that names an email PayChase sent is kept in Outbox/receipts/, recorded, then flagged as read; everything else is left alone."
        )

        @Flag(help: "Print what was recorded as JSON.")
        var json = false

        @Flag(name: .customLong("insecure-skip-certificate-check"), help: "INSECURE: do not verify the server's TLS certificate.")
        var insecureSkipCertificateCheck = false

        @Flag(name: .customLong("insecure-allow-plaintext"), help: "INSECURE: read even if the server offers no TLS, so the password crosses the network readable.")
        var insecureAllowPlaintext = false

        @OptionGroup var options: WorkspaceOptions

        func run() throws {
            if insecureSkipCertificateCheck { PayChase.report(["WARNING: --insecure-skip-certificate-check: the mail server's identity is NOT being checked."]) }
            if insecureAllowPlaintext { PayChase.report(["WARNING: --insecure-allow-plaintext: the password may cross the network unencrypted."]) }
            var job = ReceiptsJob(workspace: try options.workspace())
            job.insecurity = .init(skipCertificateVerification: insecureSkipCertificateCheck, allowPlaintext: insecureAllowPlaintext)
            let result = try PayChase.run { () throws(PayChaseError) in try job.run(logger: options.logger()) }
            print(json ? ReceiptsTable.json(result) : ReceiptsTable.text(result), terminator: "")
        }
    }
}
