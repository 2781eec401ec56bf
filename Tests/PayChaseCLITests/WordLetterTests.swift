import Foundation
import PayChaseTestSupport
import Testing

/// Issue 20.4: letters as Word documents, read back with python-docx and converted with
/// LibreOffice, whose text is the PDF's; into the practice's own letterhead; and an edited
/// letter recorded as posted by its own PDF.
struct WordLetterTests {
    /// The paragraphs python-docx reads (headers and footers too), as one JSON object.
    static func docx(_ path: String) throws -> [String: Any] {
        let script = """
            import json, sys, docx
            d = docx.Document(sys.argv[1])
            out = {'paragraphs': [p.text for p in d.paragraphs],
                   'bold': [r.text for p in d.paragraphs for r in p.runs if r.bold],
                   'headers': [p.text for s in d.sections for p in s.header.paragraphs]}
            print(json.dumps(out))
            """
        let result = try Command.run("/usr/bin/env", ["python3", "-c", script, path])
        #expect(result.status == 0, "python-docx could not read \(path): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// What pdftotext reads, without the running header and page numbers PayChase puts on the
    /// second and later pages, hyphens (a line may break at one) and white space: the words.
    static func words(ofPDF path: String) throws -> String {
        let text = try PDFTools.text(path)
        // A new page starts with a form feed.
        let kept = text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{0C} ")) }.filter { line in
            !line.hasPrefix("Page ") && !(line.contains(" · Our ref: ") && line.hasPrefix("Riverside Medical Centre"))
        }
        return kept.joined().replacingOccurrences(of: "-", with: "").split(whereSeparator: \.isWhitespace).joined()
    }

    /// Converts each Word file to PDF with LibreOffice, headless, in a profile of its own.
    static func convert(_ files: [String], in folder: PracticeFolder) throws -> String {
        let out = folder.path + "/converted"
        let profile = "file://" + folder.path + "/lo-profile"
        let result = try Command.run(
            "/usr/bin/env",
            ["soffice", "-env:UserInstallation=\(profile)", "--headless", "--convert-to", "pdf", "--outdir", out] + files
        )
        #expect(result.status == 0, "LibreOffice could not convert: \(result.stderr)")
        return out
    }

    @Test func everyLetterInWordSaysWhatItsPDFSays() throws {
        let folder = try PracticeFolder()
        let letters = [
            ("appeal", "Q-2026-001"), ("formal-complaint", "D-2026-014"), ("letter-before-claim", "P-2026-003"), ("partners-decision", "Q-2026-001"),
        ]
        var docs: [String] = []
        for (template, claim) in letters {
            for format in ["pdf", "docx"] {
                let printed = try folder.paychase("print", template, "--claim", claim, "--as-of", "2026-11-22", "--format", format)
                #expect(printed.status == 0, "\(printed.stderr)")
            }
            docs.append(folder.path + "/Outbox/letters/\(claim)-\(template).docx")
        }
        let appeal = try Self.docx(docs[0])
        let paragraphs = try #require(appeal["paragraphs"] as? [String])
        #expect(paragraphs.contains("Our ref: Q-2026-001\u{2003}\u{2003}Your ref: CQRS-88123"))
        #expect(paragraphs.contains { $0.hasPrefix("NHS North East London Integrated Care Board\n") }, "the address block")
        #expect((appeal["bold"] as? [String])?.contains("Payment query and appeal: QOF achievement, 2025/26") == true, "the heading, in bold")
        #expect(paragraphs.contains { $0.hasPrefix("Enc:\n") }, "the enclosure list")
        // LibreOffice opens each cleanly, and its text is the PDF's, word for word.
        let converted = try Self.convert(docs, in: folder)
        for (template, claim) in letters {
            let ours = try Self.words(ofPDF: folder.path + "/Outbox/letters/\(claim)-\(template).pdf")
            let theirs = try Self.words(ofPDF: "\(converted)/\(claim)-\(template).pdf")
            #expect(!ours.isEmpty && ours == theirs, "\(template): the Word letter does not say what the PDF says")
        }
    }

    @Test func aWordLetterGoesIntoThePracticesLetterheadAndAnEditedOneIsRecordedByItsPDF() throws {
        let folder = try PracticeFolder()
        // The practice's letterhead, made with python-docx: its name in the page header, and where the letter goes.
        let make = """
            import sys, docx
            d = docx.Document()
            d.sections[0].header.paragraphs[0].text = 'RIVERSIDE MEDICAL CENTRE LETTERHEAD'
            # Word often splits the marker across runs.
            d.add_paragraph('{{let').add_run('ter}}')
            d.add_paragraph('Registered in England')
            d.save(sys.argv[1])
            """
        #expect(try Command.run("/usr/bin/env", ["python3", "-c", make, folder.path + "/letterhead.docx"]).status == 0)
        try folder.write("paychase.yaml", try folder.read("paychase.yaml") + "word_letterhead: letterhead.docx\n")
        let drafted = try folder.paychase("draft", "appeal", "--claim", "Q-2026-001", "--as-of", "2026-11-22", "--format", "docx")
        #expect(drafted.status == 0, "\(drafted.stderr)")
        #expect(drafted.stdout == "Outbox/drafts/Q-2026-001/appeal.eml\nOutbox/drafts/Q-2026-001/appeal.docx\n")
        let word = try Self.docx(folder.path + "/Outbox/drafts/Q-2026-001/appeal.docx")
        #expect(word["headers"] as? [String] == ["RIVERSIDE MEDICAL CENTRE LETTERHEAD"], "the letterhead's own header is kept")
        let paragraphs = try #require(word["paragraphs"] as? [String])
        #expect(!paragraphs.contains("{{letter}}") && paragraphs.last == "Registered in England")
        #expect(paragraphs.first == "22 November 2026", "the letter, without PayChase's own letterhead lines")
        let email = try ParsedEmail.parse(path: folder.path + "/Outbox/drafts/Q-2026-001/appeal.eml")
        #expect(email.attachments.first?.filename == "Q-2026-001-appeal.pdf", "the email still carries the PDF")

        // Changed in Word and printed from there: the posted PDF is the one recorded and kept.
        let edited = folder.path + "/edited.pdf"
        _ = try Self.convert([folder.path + "/Outbox/drafts/Q-2026-001/appeal.docx"], in: folder)
        try FileManager.default.copyItem(atPath: folder.path + "/converted/appeal.pdf", toPath: edited)
        let sha = String(try Command.run("/usr/bin/sha256sum", [edited]).stdout.prefix(64))
        let posted = try folder.paychase("record-posting", "appeal", "--claim", "Q-2026-001", "--file", edited, "--on", "2026-11-23")
        #expect(posted.status == 0, "\(posted.stderr)")
        #expect(posted.stdout.hasSuffix("PDF SHA-256 \(sha)\n"))
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(try folder.read("Outbox/deliveries.jsonl").utf8)) as? [String: Any])
        #expect(entry["sha256"] as? String == sha)
        let kept = try #require(entry["document"] as? String)
        #expect(String(try Command.run("/usr/bin/sha256sum", [folder.path + "/Outbox/" + kept]).stdout.prefix(64)) == sha, "its copy is kept")
        let notPDF = try folder.paychase("record-posting", "appeal", "--claim", "Q-2026-001", "--file", folder.path + "/letterhead.docx")
        #expect(notPDF.status == 64 && notPDF.stderr.contains("is not a PDF; save the letter from Word as PDF"), "\(notPDF.stderr)")
        #expect(try folder.paychase("evidence", "Q-2026-001").status == 0, "the evidence pack checks the kept copy")
    }
}
