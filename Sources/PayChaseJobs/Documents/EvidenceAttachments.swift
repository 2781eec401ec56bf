import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseMail

/// The claim's evidence files, read to go with its evidence submission, once the rules allow:
/// every recipient at a domain the practice may send patient-identifiable data to, every file
/// there, and the email within the mail server's size limit. Checked before a draft is written,
/// so a refused submission leaves no copy of the files anywhere.
enum EvidenceAttachments {
    /// Why an evidence submission was refused, in words for the practice manager.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    static func load(
        for claim: Claim,
        document: RenderedDocument,
        rules: EvidenceMailRules,
        claimsPath: String,
        outboxPath: String
    ) throws(Refusal) -> [MailAttachment] {
        let name = "claim \(claim.id): \(document.template)"
        guard !claim.evidenceFiles.isEmpty else {
            throw Refusal(
                description:
                    "\(name): the claim names no evidence files; list them in the claims file's evidence_files column (files beside the claims file, separated by ;)"
            )
        }
        let recipients = [document.recipient.email] + document.copiesTo.map(\.email)
        let refused = recipients.filter { !rules.allows($0) }
        guard refused.isEmpty else {
            throw Refusal(
                description:
                    "\(name): refused: evidence files may identify patients, and \(refused.joined(separator: ", ")) \(refused.count == 1 ? "is not at a domain" : "are not at domains") the practice may send patient-identifiable data to (\(rules.patientDataDomains.joined(separator: ", ")), evidence.patient_data_domains in the profile). Submit the evidence through the commissioner's or council's secure portal, or from NHSmail to an accredited secure address, and put the day in the claims file's evidence_submitted_on"
            )
        }
        let folder = URL(fileURLWithPath: claimsPath).deletingLastPathComponent()
        let outbox = URL(fileURLWithPath: outboxPath)
        var attachments: [MailAttachment] = []
        var missing: [String] = []
        for file in claim.evidenceFiles {
            let url = folder.appendingPathComponent(file)
            if let refusal = refusal(file, url: url, folder: folder, outbox: outbox) {
                missing.append(refusal)
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                let data = FileManager.default.contents(atPath: url.path)
            else {
                missing.append("\(url.path) is not a file that can be read")
                continue
            }
            attachments.append(MailAttachment(filename: url.lastPathComponent, contentType: contentType(of: file), bytes: Array(data)))
        }
        guard missing.isEmpty else { throw Refusal(description: "\(name): evidence_files (line \(claim.line)): \(missing.joined(separator: "; "))") }
        let sent = attachments.reduce(64 * 1024) { $0 + encodedSize($1.bytes.count) }
        guard sent <= rules.sizeLimit else {
            let sizes = attachments.map { "\($0.filename) \(EvidenceMailRules.size($0.bytes.count))" }.joined(separator: ", ")
            let total = attachments.reduce(0) { $0 + $1.bytes.count }
            throw Refusal(
                description:
                    "\(name): refused: the evidence files come to \(EvidenceMailRules.size(total)) (\(sizes)), about \(EvidenceMailRules.size(sent)) as an email, over the mail server's limit of \(EvidenceMailRules.size(rules.sizeLimit)) (evidence.size_limit_mb in the profile). Send them in parts (a claim row per part), or through the secure portal"
            )
        }
        return attachments
    }

    /// Why `file` may not go as evidence, if it may not: it must be a file of the practice's own
    /// beside the claims file, never PayChase's (the profile, the users and sessions, the
    /// mailbox's tokens, the Outbox, whatever it is called) nor a hidden one, and a link may not
    /// lead out of the folder.
    static func refusal(_ file: String, url: URL, folder: URL, outbox: URL) -> String? {
        let parts = file.split(separator: "/")
        let ours = parts.contains { $0.hasPrefix(".") || $0.lowercased().hasPrefix("paychase") || $0 == "Outbox" }
        let real = url.resolvingSymlinksInPath().path
        let within = { (folder: URL) in
            let root = folder.resolvingSymlinksInPath().path
            return real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
        guard !ours, within(folder), !within(outbox) else {
            return
                "'\(file)' is not evidence PayChase will send: name the practice's own files beside the claims file, never PayChase's (its profile, users, sessions, tokens or Outbox), a hidden file, or a link out of the folder"
        }
        return nil
    }

    /// Base64 in lines of 76 with CRLF: four bytes for every three, and two per line.
    static func encodedSize(_ bytes: Int) -> Int {
        let base64 = (bytes + 2) / 3 * 4
        return base64 + (base64 + 75) / 76 * 2 + 200
    }

    static func contentType(of file: String) -> String {
        switch URL(fileURLWithPath: file).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "csv": "text/csv"
        case "txt": "text/plain"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "xls": "application/vnd.ms-excel"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "doc": "application/msword"
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "zip": "application/zip"
        default: "application/octet-stream"
        }
    }
}
