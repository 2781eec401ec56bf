import Foundation
import PayChaseTestSupport
import Testing

struct LettersCommandTests {
    @Test func theAppealEmailCarriesTheLetterAsAPDFAttachment() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("draft", "appeal", "--claim", "Q-2026-001", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        let email = try ParsedEmail.parse(path: folder.path + "/Outbox/drafts/Q-2026-001/appeal.eml")
        #expect(email.defects.isEmpty)
        #expect(email.header("Content-Type")?.hasPrefix("multipart/mixed; boundary=") == true)
        #expect(
            email.body?.contains("The letter is attached as a PDF (Q-2026-001-appeal.pdf): an unsigned copy; the signed original follows by post.")
                == true
        )
        let attachment = try #require(email.attachments.first)
        #expect(email.attachments.count == 1)
        #expect(attachment.filename == "Q-2026-001-appeal.pdf")
        #expect(attachment.contentType == "application/pdf")
        #expect(attachment.transferEncoding == "base64")
        let pdf = folder.path + "/Outbox/drafts/Q-2026-001/appeal.pdf"
        let sum = try Command.run("/usr/bin/sha256sum", [pdf]).stdout.prefix(64)
        #expect(attachment.sha256 == String(sum), "the attachment decodes to the same PDF bytes")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder.path + "/Outbox/drafts/Q-2026-001/appeal.eml")), as: UTF8.self)
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 }, "base64 lines are short")
    }

    @Test func printWritesTheLettersAndNamesThem() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("print", "formal-complaint", "--overdue", "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        // The council's public-health claims are not NHS complaints: the 2009 Regulations do not cover them.
        let expected = ["Q-2026-001", "D-2026-014"].map { "Outbox/letters/\($0)-formal-complaint.pdf" }
        #expect(result.stdout.split(separator: "\n").map(String.init) == expected)
        for path in expected {
            let info = try PDFTools.info(folder.path + "/" + path)
            #expect(info.pageSize == "595.276 x 841.89 pts (A4)")
            #expect(info.pages <= 2)
        }
        #expect(
            try PDFTools.text(folder.path + "/" + expected[1]).contains("NHS North East London Integrated Care Board"),
            "complaints go to the commissioner"
        )
    }

    @Test func printRefusesAnEmailTemplate() throws {
        let folder = try PracticeFolder()
        let result = try folder.paychase("print", "chase", "--claim", "Q-2026-001")
        #expect(result.status == 64)
        #expect(result.stderr.contains("chase is an email, not a letter"))
        #expect(!folder.exists("Outbox/letters"))
    }

    @Test func withoutAPrintingSystemPrintSaysSo() throws {
        let folder = try PracticeFolder()
        let empty = try TestPaths.temporaryDirectory().path
        let result = try folder.paychase("print", "appeal", "--claim", "Q-2026-001", "--printer", "office", environment: ["PATH": empty])
        #expect(result.status == 69)
        #expect(result.stderr.contains("no printing system: 'lp' (CUPS) is not installed. The letters are written"))
        #expect(result.stdout == "Outbox/letters/Q-2026-001-appeal.pdf\n", "the letters written are still named")
        #expect(folder.exists("Outbox/letters/Q-2026-001-appeal.pdf"))
    }

    /// CUPS itself is not run here: a stand-in `lp` records the command line PayChase hands it.
    @Test func withAPrinterTheLettersGoToLp() throws {
        let folder = try PracticeFolder()
        let bin = try TestPaths.temporaryDirectory()
        let record = bin.appendingPathComponent("lp-args").path
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(record)\n".write(to: bin.appendingPathComponent("lp"), atomically: true, encoding: .utf8)
        chmod(bin.appendingPathComponent("lp").path, 0o755)
        let result = try folder.paychase(
            "print",
            "appeal",
            "--claim",
            "Q-2026-001",
            "D-2026-014",
            "--printer",
            "office",
            "--as-of",
            "2026-11-22",
            environment: ["PATH": bin.path + ":/usr/bin:/bin"]
        )
        #expect(result.status == 0, "\(result.stderr)")
        let arguments = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(arguments == ["-d", "office", "--", "Outbox/letters/Q-2026-001-appeal.pdf", "Outbox/letters/D-2026-014-appeal.pdf"])

        let bad = try folder.paychase("print", "appeal", "--claim", "Q-2026-001", "--printer", "-o evil")
        #expect(bad.status == 64)
    }
}
