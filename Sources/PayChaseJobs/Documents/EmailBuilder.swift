import Foundation
import PayChaseDocuments
import PayChaseDomain
import PayChaseMail
import PayChaseOutbox

/// Turns a rendered document into an email from the practice, with the receipts the profile asks for.
public enum EmailBuilder {
    /// `letter`, when given, goes with the email as a PDF attachment, and `evidence` after it; `record`, the head of the
    /// record as it stood, goes in `X-PayChase-Record` for the recipient's mailbox to witness.
    public static func message(
        for document: RenderedDocument,
        profile: PracticeProfile,
        letter: [UInt8]? = nil,
        evidence: [MailAttachment] = [],
        date: Date = Date(),
        record: RecordHead? = nil
    ) -> MailMessage {
        let practice = profile.practice
        let attachment = letter.map { MailAttachment(filename: letterFileName(document), contentType: "application/pdf", bytes: $0) }
        return MailMessage(
            from: Mailbox(name: practice.name, address: practice.email),
            to: [Mailbox(name: document.recipient.name, address: document.recipient.email)],
            cc: document.copiesTo.map { Mailbox(name: $0.name, address: $0.email) },
            subject: document.subject ?? document.heading ?? document.template,
            body: document.emailText(attaching: attachment?.filename),
            date: date,
            readReceiptTo: profile.receipts.read ? profile.receipts.to : nil,
            deliveryReceiptTo: profile.receipts.delivery ? profile.receipts.to : nil,
            extraHeaders: [("X-PayChase-Claim", document.claimID), ("X-PayChase-Template", document.template)]
                + (record.map { [(RecordHead.headerName, $0.headerValue)] } ?? []),
            attachments: (attachment.map { [$0] } ?? []) + evidence
        )
    }

    /// `Q-2026-001-appeal.pdf`: claim ids are checked to be plain file names.
    public static func letterFileName(_ document: RenderedDocument) -> String {
        "\(document.claimID)-\(document.template).pdf"
    }
}
