import Foundation
import PayChaseDomain
import PayChaseMail
import PayChaseOutbox
import PayChasePrint

/// One file of an evidence pack: where it goes in the pack, and its bytes.
struct EvidenceFile {
    var path: String
    var bytes: [UInt8]
}

/// What goes into one claim's evidence pack, gathered from the record and the Outbox.
struct EvidenceContents {
    let outbox: Outbox
    let claim: Claim
    let entries: [RecordLine]
    /// The same entries' lines of the record exactly as written.
    let lines: [String]

    /// Every email, letter and receipt the record names, each checked against the SHA-256 the
    /// record holds for it: a copy that no longer matches is refused, not packed.
    func copies() throws(PayChaseError) -> [EvidenceFile] {
        var files: [EvidenceFile] = []
        for (index, line) in entries.enumerated() {
            let number = String(format: "%02d", index + 1)
            let source: String
            let name: String
            let sha256: String
            switch line.entry {
            case .email(let email) where email.outcome.reachedServer:
                source = "\(outbox.sent)/\(email.message.queueID).eml"
                name = "emails/\(number)-\(email.message.template).eml"
                sha256 = email.sha256
            case .letterPosted(let letter):
                source = "\(outbox.root)/\(letter.pdf)"
                name = Self.letterName(letter, at: index)
                sha256 = letter.sha256
            case .partnersDecision(let decision):
                source = "\(outbox.root)/\(decision.pdf)"
                name = "decisions/\(number)-\(DocumentName.partnersDecision).pdf"
                sha256 = decision.sha256
            case .mailReturned(let mail):
                source = "\(outbox.root)/\(mail.file)"
                name = "receipts/\(number)-\(mail.facts.report.rawValue).eml"
                sha256 = mail.sha256
            case .email, .repair, .paymentReceived, .sentItemsCopy, .paused, .resumed:
                continue
            }
            guard let data = FileManager.default.contents(atPath: source) else {
                throw PayChaseError(.invalidData, "\(source): the copy the record names (line for \(line.entry.document), \(line.time)) is missing")
            }
            let bytes = Array(data)
            guard SHA256Hex.digest(bytes) == sha256 else {
                throw PayChaseError(.invalidData, "\(source): no longer matches the SHA-256 the record holds for it (\(sha256))")
            }
            files.append(EvidenceFile(path: name, bytes: bytes))
        }
        return files
    }

    /// The claim's lines of the record exactly as they are, so their hashes can be checked.
    func recordLines() -> String { lines.map { $0 + "\n" }.joined() }

    func lead(practice: Practice, at instant: Date) -> [String] {
        var lines = [
            "\(practice.name) (ODS code \(practice.odsCode))\(practice.contractor.map { ", contractor \($0)" } ?? "").",
            "Claim \(claim.id): \(claim.service) (\(claim.category.rawValue)) for \(claim.period). Claimed \(claim.amount.formatted) on \(claim.submittedOn.formatted)"
                + "\(claim.approvedOn.map { ", approved \($0.formatted)" } ?? ""); received so far \(claim.paid.formatted); outstanding \(claim.outstanding.formatted); "
                + "payment was due by \(claim.dueOn.formatted)\(claim.dueBasis.assumedAs.map { " (assumed: \($0))" } ?? "").",
        ]
        let references = [claim.reference.map { "reference \($0)" }, claim.invoiceRef.map { "invoice \($0)" }].compactMap { $0 }
        if !references.isEmpty { lines.append("References: " + references.joined(separator: ", ") + ".") }
        lines.append(
            "This pack was made by PayChase on \(LondonTime.clock(instant)) (UK time) from the practice's record of \(entries.count) event\(entries.count == 1 ? "" : "s") for this claim."
        )
        return lines
    }

    /// The name in the pack of the letter posted as the claim's entry at `index`.
    static func letterName(_ letter: LetterPosted, at index: Int) -> String {
        "letters/\(String(format: "%02d", index + 1))-\(letter.template).pdf"
    }

    /// What the claim's entries prove of its evidence being submitted.
    var evidenceProof: EvidenceProof? {
        ClaimHistory(entries.map { (time: $0.time, entry: $0.entry) }).feedback[claim.id]?.evidence
    }

    /// First in the pack: the proof that the evidence went, or what the claims file alone says.
    func proofSection(files: [EvidenceFile]) -> ReportPDF.Section? {
        if let proof = evidenceProof {
            // The very email that is the proof, by its Message-ID, among the entries the pack numbers.
            let number = entries.firstIndex { line in
                if case .email(let email) = line.entry { return email.outcome.reachedServer && email.message.messageID == proof.messageID }
                return false
            }
            let email = number.flatMap { number in
                files.first { $0.path == "emails/\(String(format: "%02d", number + 1))-\(DocumentName.evidenceSubmission).eml" }
            }
            return ReportPDF.Section(
                heading: "Proof that the evidence was submitted",
                paragraphs: [
                    "Evidence \(proof.sentence).",
                    "The mail server's reply: \(proof.reply). The email's SHA-256 as handed over: \(proof.sha256); Message-ID \(proof.messageID).",
                ]
                    + (email.map {
                        ["The email as sent, with its attachments, is \($0.path) in this pack; each attachment is listed below with its SHA-256."]
                    } ?? [])
            )
        }
        guard let day = claim.evidenceSubmittedOn else { return nil }
        return ReportPDF.Section(
            heading: "Evidence submission",
            paragraphs: [
                "The practice's claims file says the evidence was submitted on \(day.formatted). The record holds no email proving it (an evidence submission sent through PayChase would be)."
            ]
        )
    }

    func sections(files: [EvidenceFile], checks: EvidenceJob.Checks) -> [ReportPDF.Section] {
        var sections = proofSection(files: files).map { [$0] } ?? []
        sections += [
            ReportPDF.Section(
                heading: "What happened, in order",
                paragraphs: [],
                table: ReportPDF.Table(
                    columns: [("When (UK time), by whom", 0.16), ("Document", 0.14), ("To", 0.2), ("How", 0.1), ("What happened", 0.4)],
                    rows: entries.map(Self.event)
                )
            )
        ]
        let emails = files.filter { $0.path.hasPrefix("emails/") }
        if !emails.isEmpty {
            sections.append(
                ReportPDF.Section(heading: "Each email as sent", paragraphs: emails.flatMap { ["\($0.path):"] + EmailText.lines(of: $0.bytes) })
            )
            sections.append(
                ReportPDF.Section(
                    heading: "What the recipients' mailboxes witness",
                    paragraphs: [
                        "Each email carried the head of the practice's record as it stood when it was sent. The recipient's copy, which the practice cannot change, shows that the record then held at least that many entries ending in that hash."
                    ]
                        + emails.compactMap { file in EmailText.recordHead(of: file.bytes).map { "\(file.path): \(RecordHead.headerName): \($0)" } }
                        + sentItemsWitness()
                )
            )
        }
        let letters = entries.indices.compactMap { index -> (Int, LetterPosted)? in
            guard case .letterPosted(let letter) = entries[index].entry else { return nil }
            return (index, letter)
        }
        if !letters.isEmpty {
            sections.append(
                ReportPDF.Section(
                    heading: "Each letter as posted",
                    paragraphs: letters.map { index, letter in
                        "\(Self.letterName(letter, at: index)): the \(letter.template) letter exactly as printed and posted on \(letter.postedOn.formatted) (\(letter.summary)); its SHA-256 is \(letter.sha256)."
                    }
                )
            )
        }
        sections.append(
            ReportPDF.Section(
                heading: "Files in this pack (SHA-256)",
                paragraphs: files.map { "\(SHA256Hex.digest($0.bytes))  \($0.path)" },
                fixedWidth: true
            )
        )
        sections.append(ReportPDF.Section(heading: "How to check this pack", paragraphs: Self.howToCheck(checks)))
        return sections
    }

    /// One row of the events table: when, document, to, email or post, and what happened — the
    /// server's reply with its queue id, what came back, or the payment.
    static func event(_ line: RecordLine) -> [String] {
        // Who made the entry goes under its time: lines written before PayChase said name nobody.
        let when = (RecordTime.parse(line.time).map(LondonTime.clock) ?? line.time) + (line.by.map { ", by \($0)" } ?? "")
        let to = line.entry.recipients.joined(separator: ", ")
        switch line.entry {
        case .email(let email):
            let queueID = email.message.queueID
            return [
                when, email.message.template, to, "email",
                "\(email.outcome.rawValue): \(email.reply)" + (queueID.isEmpty ? "" : " (queue id \(queueID))"),
            ]
        case .letterPosted(let letter):
            return [when, letter.template, to, "post", letter.summary]
        case .mailReturned(let mail):
            return [when, mail.template, to, "came back", mail.summary + (mail.from.isEmpty ? "" : " (from \(mail.from))")]
        case .paymentReceived(let payment):
            return [when, "payment", "", "", payment.summary]
        case .partnersDecision(let decision):
            return [when, DocumentName.partnersDecision, "", "signed minute", decision.summary]
        case .paused(let pause):
            return [when, "pause", "", "", pause.summary]
        case .resumed(let resume):
            return [when, "resume", "", "", resume.summary]
        case .repair(let repair):
            return [when, "record", "", "", "the record was repaired: \(repair.summary)"]
        case .sentItemsCopy(let copy):
            return [
                when, copy.message.template, "", "mailbox copy",
                "the exact bytes sent were \(copy.summary) on \(copy.server) (Message-ID \(copy.message.messageID)): a copy held by the mail provider",
            ]
        }
    }

    /// Where copies were filed in the practice mailbox's sent folder: a second witness, which the
    /// mail provider holds and the practice cannot backdate.
    func sentItemsWitness() -> [String] {
        let copies = entries.compactMap { line -> SentItemsCopy? in
            guard case .sentItemsCopy(let copy) = line.entry else { return nil }
            return copy
        }
        guard let first = copies.first else { return [] }
        let folders = Set(copies.map(\.folder)).sorted().joined(separator: ", ")
        return [
            "A copy of \(copies.count == 1 ? "the email" : "each of \(copies.count) emails") as sent was also filed in the practice mailbox's \(folders) folder on \(first.server), where the mail provider holds it with the date it was filed: a second witness, which the practice's own files cannot change. Find it there by its Message-ID."
        ]
    }

    static func howToCheck(_ checks: EvidenceJob.Checks) -> [String] {
        [
            "1. Every file is listed in SHA256SUMS with its SHA-256. In this folder run: sha256sum -c SHA256SUMS. Every line must say OK; a file changed since the pack was made says FAILED.",
            "2. record.jsonl holds this claim's entries of the practice's record exactly as written. Each entry carries the SHA-256 of the entry before it in the whole record (\"previous\") and its own (\"entry\"); the practice's full record (Outbox/deliveries.jsonl) checks with: \(checks.wholeRecord).",
            "3. Each email's \"sha256\" in record.jsonl is the SHA-256 of the file in emails/ exactly as the mail server accepted it, and \"reply\" is the server's own answer, with its queue id.",
            "4. Each email carries X-PayChase-Record: the record's size and newest entry when it was sent. The recipient's copy of any email checks the record against it: \(checks.againstEmail).",
        ]
    }
}
