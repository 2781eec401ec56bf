import Foundation
import PayChaseTestSupport
import Testing

extension SendTests {
    @Test func anEvidencePackHoldsEverythingAndChecksWithSha256sum() throws {
        let practice = try practiceWithMailBack()
        #expect(try practice.paychase("receipts").status == 0)
        #expect(try practice.paychase("payment", "D-2026-014", "200.00", "--on", "2026-11-23", "--ref", "REMIT-9").status == 0)
        #expect(try practice.paychase("print", "formal-complaint", "--claim", "D-2026-014", "--as-of", "2026-11-23").status == 0)
        #expect(
            try practice.paychase("record-posting", "formal-complaint", "--claim", "D-2026-014", "--on", "2026-11-24", "--tracking", "AB123456789GB")
                .status == 0
        )
        let result = try practice.paychase("evidence", "D-2026-014", "--zip")
        #expect(result.status == 0, "\(result.stderr)")
        let pack = practice.folder.path + "/Outbox/evidence/D-2026-014"
        #expect(
            practice.folder.files(under: "Outbox/evidence/D-2026-014") == [
                "Outbox/evidence/D-2026-014/SHA256SUMS", "Outbox/evidence/D-2026-014/emails/01-chase.eml",
                "Outbox/evidence/D-2026-014/evidence.pdf", "Outbox/evidence/D-2026-014/letters/05-formal-complaint.pdf",
                "Outbox/evidence/D-2026-014/receipts/03-reply.eml",
                "Outbox/evidence/D-2026-014/record.jsonl",
            ]
        )

        // Anyone can check it with coreutils.
        let checked = try Command.run("/usr/bin/sha256sum", ["-c", "SHA256SUMS"], directory: pack)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.split(separator: "\n").count == 5 && checked.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix(": OK") })

        // The email is exactly what the server accepted; the record lines are the record's own.
        let sent = try #require(
            practice.folder.files(under: "Outbox/sent").first { try practice.folder.read($0).contains("X-PayChase-Claim: D-2026-014") }
        )
        #expect(try practice.folder.read(sent) == (try String(contentsOfFile: pack + "/emails/01-chase.eml", encoding: .utf8)))
        let record = try practice.folder.read("Outbox/deliveries.jsonl")
        let packed = try String(contentsOfFile: pack + "/record.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(packed.count == 5, "the chase, its copy filed in Sent, the reply, the payment and the posted letter")
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: pack + "/letters/05-formal-complaint.pdf"))
                == Data(contentsOf: practice.folder.url.appendingPathComponent("Outbox/letters/D-2026-014-formal-complaint.pdf")),
            "the letter as printed"
        )
        #expect(packed.allSatisfy { record.contains($0 + "\n") })

        let text = try PDFTools.text(pack + "/evidence.pdf")
        for expected in [
            "Evidence: claim D-2026-014", "Minor surgery DES", "outstanding £1,034.56", "What happened, in order",
            "When (UK", "Document", "What happened", "accepted: 250 2.0.0 Ok: queued as", "reply: a reply (from Sam Whitfield",
            "received £200.00 on 23 November 2026,", "Each email as sent", "Subject: Payment query: Minor surgery DES",
            "What the recipients' mailboxes witness", "emails/01-chase.eml: X-PayChase-Record: entries=1",
            "mailbox copy", "filed in Sent", "a second witness, which the practice's own files cannot change",
            "Each letter as posted", "letters/05-formal-complaint.pdf: the formal-complaint letter exactly as printed and posted on 24 November 2026",
            "AB123456789GB",
            "How to check this pack", "sha256sum -c SHA256SUMS",
        ] {
            #expect(text.replacingOccurrences(of: "\n", with: " ").contains(expected), "evidence.pdf lacks: \(expected)")
        }

        // The events are a table: each row holds its time, document, recipient, how and what happened.
        let layout = try Command.run("/usr/bin/pdftotext", ["-layout", pack + "/evidence.pdf", "-"]).stdout.split(separator: "\n")
        #expect(
            layout.contains {
                $0.contains("chase") && $0.contains("nelicb.payments@nhs") && $0.contains("email") && $0.contains("accepted: 250 2.0.0 Ok: queued as")
            }
        )
        #expect(layout.contains { $0.contains("payment") && $0.contains("received £200.00 on 23 November 2026,") })

        let zip = practice.folder.path + "/Outbox/evidence/D-2026-014.zip"
        let listed = try Command.run(
            "/usr/bin/env",
            ["python3", "-c", "import sys, zipfile; print('\\n'.join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))", zip]
        )
        #expect(listed.stdout.contains("D-2026-014/evidence.pdf") && listed.stdout.contains("D-2026-014/SHA256SUMS"))

        // A file changed afterwards fails the check.
        try "tampered\n".write(toFile: pack + "/emails/01-chase.eml", atomically: true, encoding: .utf8)
        let tampered = try Command.run("/usr/bin/sha256sum", ["-c", "SHA256SUMS"], directory: pack)
        #expect(tampered.status != 0)
        #expect(tampered.stdout.contains("emails/01-chase.eml: FAILED"))

        // A kept copy that no longer matches the record is refused, not packed.
        try practice.folder.write(sent, "edited\n")
        let refused = try practice.paychase("evidence", "D-2026-014")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("no longer matches the SHA-256 the record holds for it"))
    }
}
