import Foundation
import PayChaseMail
import PayChaseOutbox

/// An email as a reader of the evidence PDF sees it: who, when, the subject, the record head it
/// carried (what the recipient's copy witnesses), then the text.
enum EmailText {
    static func lines(of bytes: [UInt8]) -> [String] {
        let message = MIMEMessage(parsing: bytes)
        var lines = ["From", "To", "Cc", "Date", "Subject", "Message-ID", RecordHead.headerName].compactMap { name in
            message.header.fields.first { $0.name.lowercased() == name.lowercased() }.map { "\(name): \($0.value)" }
        }
        let text = message.partTree.first { $0.contentType.mediaType == "text/plain" && $0.parts.isEmpty }?.text ?? ""
        lines += text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        // What went with it, each file named with the SHA-256 of its bytes as sent.
        for part in message.partTree where part.parts.isEmpty {
            guard let name = part.contentType[parameter: "name"] else { continue }
            lines.append("Attached: \(name), \(part.bodyBytes.count) bytes, SHA-256 \(SHA256Hex.digest(Array(part.bodyBytes)))")
        }
        return lines
    }

    /// The `X-PayChase-Record` value the email carried, if any: from its header alone, as
    /// `log --verify --against` reads it.
    static func recordHead(of bytes: [UInt8]) -> String? {
        MIMEHeader(parsing: bytes)[RecordHead.headerName]
    }
}
