import Foundation
import PayChaseTestSupport
import Testing

/// The `imap:` section follows the `smtp:` rules: TLS from the start (imaps://) or STARTTLS,
/// the certificate checked against `ca_file`, the password from a file only its owner can read,
/// and the password in nothing PayChase writes.
extension SendTests {
    /// An `imap:` section with `lines` after the url and username.
    func configureIMAP(_ practice: SendingPractice, url: String, _ lines: [String]) throws {
        let section = (["imap:", "  url: \(url)", "  username: manager@riverside.example"] + lines.map { "  " + $0 }).joined(separator: "\n")
        try practice.folder.write("paychase.yaml", try practice.folder.read("paychase.yaml") + section + "\n")
    }

    @Test func imapsWithAPasswordFileWorksAndThePasswordIsInNothingWritten() throws {
        let practice = try SendingPractice()
        #expect(try practice.paychase("send", "chase", "--claim", "Q-2026-001", "--as-of", "2026-11-22").status == 0)
        try practice.rig.submit(
            try fixture("receipts/outlook-read.eml", about: try practice.sentMessageID("Q-2026-001")),
            from: "nelicb.payments@nhs.example",
            to: "manager@riverside.example"
        )
        #expect(try practice.rig.waitForMessage(user: "manager@riverside.example", containing: try practice.sentMessageID("Q-2026-001")))
        try "imap-manager\n".write(toFile: practice.folder.path + "/imap-secret.txt", atomically: true, encoding: .utf8)
        try configureIMAP(
            practice,
            url: "imaps://localhost:\(practice.rig.imapsPort)/INBOX",
            ["password_file: imap-secret.txt", "ca_file: \(practice.rig.caFile)"]
        )

        chmod(practice.folder.path + "/imap-secret.txt", 0o644)
        let loose = try practice.folder.paychase("receipts")
        #expect(loose.status == 78)
        #expect(loose.stderr.contains("imap.password_file: imap-secret.txt can be read by other users (mode 644); run: chmod 600 imap-secret.txt"))

        chmod(practice.folder.path + "/imap-secret.txt", 0o600)
        let read = try practice.folder.paychase("receipts", "--verbose")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("Q-2026-001"))
        let secrets = ["imap-manager", Data("\0manager@riverside.example\0imap-manager".utf8).base64EncodedString()]
        for secret in secrets {
            #expect(!(read.stdout + read.stderr).contains(secret))
            for file in practice.folder.files(under: "Outbox") {
                let bytes = try Data(contentsOf: practice.folder.url.appendingPathComponent(file))
                #expect(!String(decoding: bytes, as: UTF8.self).contains(secret), "\(file) holds no password")
            }
        }
    }

    @Test func aServerWhoseCertificateTheCAFileDoesNotVouchForIsNotRead() throws {
        let practice = try SendingPractice()
        try configureIMAP(
            practice,
            url: "imap://localhost:\(practice.rig.imapPort)",
            [
                "password_env: PAYCHASE_IMAP_PASSWORD", "ca_file: /etc/ssl/certs/ca-certificates.crt",
            ]
        )
        let result = try practice.paychase("receipts")
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("TLS with localhost:\(practice.rig.imapPort) failed"))
        #expect(!practice.folder.exists("Outbox/receipts/.imap-state.json"), "nothing was read")
    }
}
